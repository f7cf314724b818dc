// libedit's readline-compatible interface: line editing and history.
#include <stdio.h>
#include <editline/readline.h>

// Leave SIGINT to the application (the REPL abandons the line on Ctrl-C). A function, because
// Swift 6 does not allow writing a C global variable directly.
static inline void editline_leave_signals_to_application(void) { rl_catch_signals = 0; }
