// libedit's readline-compatible interface: line editing and history.
#include <stdio.h>
#include <editline/readline.h>
