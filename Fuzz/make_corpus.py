#!/usr/bin/env python3
"""Writes the seed corpus of the libFuzzer targets (Fuzz/corpus/TARGET/) from the shipped files
(Data/), the reference data beside the checkout (../shared/data: the first lines of each file,
so that seeds stay small) and a few hand-written edge cases, and the dictionaries of the script
and notebook targets (Fuzz/TARGET.dict: the library's function and parameter names, keywords,
notebook syntax), which lead libFuzzer to valid words sooner. Run from the package folder:

    python3 Fuzz/make_corpus.py [REFERENCE_DATA]
"""
import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Fuzz" / "corpus"
REFERENCE = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
HEAD_LINES = 30


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (folder / name).write_bytes(data)


def head(path, lines=HEAD_LINES):
    with open(path, "rb") as f:
        return b"".join(line for _, line in zip(range(lines), f))


def cells(markdown):
    """The code of each ```stresstest cell of a notebook."""
    return re.findall(r"^```\s*stresstest[^\n]*\n(.*?)^```", markdown, flags=re.S | re.M)


def main():
    for old in CORPUS.glob("*/*"):
        old.unlink()
    shipped = sorted((ROOT / "Data").glob("*.csv"))
    for path in shipped:
        write("csv", path.name, head(path, 60))
    for path in sorted(REFERENCE.glob("*/*.csv")):
        write("csv", f"{path.parent.name}-{path.name}", head(path))
    edge = {
        "quoted.csv": 'a,b\n"x, y","he said ""hi"""\n"multi\nline",2\n',
        "semicolon-decimal-comma.csv": "region;I01;I02\nA;1,5;2\nB;;3,25\n",
        "bom.csv": "\ufeffregion,I01\nA,1\n",
        "ragged.csv": "a,b,c\n1,2\n1,2,3,4\n",
        "unterminated.csv": 'a,b\n1,"2\n3,4\n',
        "empty-header.csv": "a,,c\n1,2,3\n",
        "tabs.csv": "a\tb\n1\t2\n",
    }
    for name, text in edge.items():
        write("csv", name, text)
    write("csv", "utf16.csv", "a,b\n1,2\n".encode("utf-16"))
    write("csv", "latin1.csv", "region,name\nA,K\xf6ln\n".encode("latin-1"))

    for path in sorted((ROOT / "Data").glob("survey_*.csv")):
        write("survey", path.name, path.read_bytes())
    survey = (ROOT / "Data" / "survey_valdelora.csv").read_text(encoding="utf-8").splitlines()
    write("survey", "answers-dk.csv", "\n".join(survey[:1] + [re.sub(r",\d(,|$)", r",DK\1", line, count=3) for line in survey[1:6]]) + "\n")
    write("survey", "header-only.csv", survey[0] + "\n")

    demo = (ROOT / "Data" / "demo_portfolio.csv").read_text(encoding="utf-8").splitlines()
    write("portfolio", "demo_portfolio.csv", "\n".join(demo) + "\n")
    write("portfolio", "demo-one-wave.csv", "\n".join(demo[:8]) + "\n")
    write("portfolio", "demo-semicolon.csv", "\n".join(line.replace(",", ";") for line in demo[:6]) + "\n")
    write("portfolio", "framework.csv", (ROOT / "Data" / "framework.csv").read_bytes())

    notebooks = sorted((ROOT / "Data" / "notebooks").glob("*.md")) + sorted((ROOT / "Data" / "report").glob("*.md"))
    for path in notebooks:
        text = path.read_text(encoding="utf-8")
        write("notebook", path.name, text)
        for code in cells(text):
            write("script", hashlib.sha1(code.encode()).hexdigest()[:12] + ".st", code)
    write("notebook", "cycle.md", "```stresstest\na = b\n```\n\n```stresstest\nb = a\n```\n")
    write("notebook", "front-matter.md", "---\ntitle: \"{{ r }}\"\nlang: de\nlayout: report\nparams:\n  r: Nordtal\n---\n\n# x\n")
    scripts = {
        "basics.st": "x = [1, 2, missing, 4]\nmean(x)\nquantile(x, [0.25, 0.5], type: 6)\nfn gap(v) = max(v) - min(v)\ngap(x)\n",
        "portfolio.st": "p = portfolio(\"demo\")\nb = benchmark(p, \"Nordtal\")\nplot(b)\nb.strengths\n",
        "composite.st": "p = portfolio(\"demo\")\nc = composite(p, weights: \"equal\")\ntipping(c, \"Nordtal\")\n",
        "peers.st": "p = portfolio(\"demo\")\npeers(p, \"Nordtal\", k: 3)\ngood_practice(p, \"Nordtal\")\n",
        "clusters.st": "p = portfolio(\"demo\")\nk = kmeans(p, k: 3)\nsilhouette(k)\n",
        "control.st": "s = 0\nfor v in [1, 2, 3] { s = s + v }\nif s > 3 { \"big\" } else { \"small\" }\n",
        "tables.st": "t = table(a: [1, 2], b: [\"x\", \"y\"])\nt |> sort(by: \"a\") |> head(1)\n",
        "strings.st": "concat([\"a\", \"b\", \"c\"], sep: \", \", last: \" and \")\nformat(3.14159, decimals: 2)\n",
        "uncertainty.st": "u = uncertainty(portfolio(\"demo\"), samples: 200, seed: 2)\nu.ranks |> head(3)\n",
    }
    for name, code in scripts.items():
        write("script", name, code)

    escaping = {
        "markup.txt": "A<b>&\"c'",
        "controls.txt": "bell \x07 esc \x1b[31m nul \x00 del \x7f c1 \x85",
        "css.txt": "</style><script>alert(1)</script>\\\"\n",
        "entities.txt": "&amp; &lt; &#x3C; &unknown;",
        "unicode.txt": "Horn\u00ed Lesov \u2014 S\u00fcdmark \ufffe \uffff \U0001F600",
        "plain.txt": "Nordtal",
    }
    for name, text in escaping.items():
        write("escaping", name, text.encode("utf-8", "surrogatepass"))


def dictionaries():
    names = set()
    for path in (ROOT / "Sources" / "Script").glob("*.swift"):
        names.update(re.findall(r'name: "([a-z_]+)"', path.read_text(encoding="utf-8")))
    words = sorted(names) + ["fn", "for", "in", "if", "else", "and", "or", "not", "missing", "true", "false",
                             "|>", "==", "!=", "<=", ">=", "\\\"demo\\\"", "\\\"Nordtal\\\"", "\\\"stresstest\\\"", "{{"]
    (ROOT / "Fuzz" / "script.dict").write_text("".join(f'"{w}"\n' for w in words), encoding="utf-8")
    notebook = ["---", "```stresstest", "```", "#| ", "id:", "echo:", "output:", "caption:", "title:", "subtitle:",
                "author:", "date:", "lang:", "layout:", "seed:", "params:", "de", "en", "report", "slides", "article",
                "{{", "}}", "false", "true", "\\\"", "  "]
    (ROOT / "Fuzz" / "notebook.dict").write_text("".join(f'"{w}"\n' for w in notebook), encoding="utf-8")


if __name__ == "__main__":
    dictionaries()
    main()
