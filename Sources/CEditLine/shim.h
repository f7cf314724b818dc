// libedit's readline-compatible interface: line editing, history and completion.
#include <stdio.h>
#include <editline/readline.h>

// Swift 6 does not allow writing C global variables directly, hence these small functions.

// Leave SIGINT to the application (the REPL abandons the line on Ctrl-C).
static inline void editline_leave_signals_to_application(void) { rl_catch_signals = 0; }

// Completion by `complete`, which gets the word before the cursor (split at these characters)
// and returns readline's match array; nothing is appended after a completed word.
static inline void editline_set_completion(rl_completion_func_t *complete) {
    static char breaks[] = " \t\n\"()[]{},=+-*/^<>!|:;.#?";
    rl_attempted_completion_function = complete;
    rl_completer_word_break_characters = breaks;
    rl_completion_append_character = '\0';
}

// Tells readline not to fall back to completing file names.
static inline void editline_completion_over(void) { rl_attempted_completion_over = 1; }

// The line being edited, and the cursor's offset in it.
static inline const char *editline_line(void) { return rl_line_buffer; }
static inline int editline_point(void) { return rl_point; }
