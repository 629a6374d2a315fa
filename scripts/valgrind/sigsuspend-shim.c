// valgrind 3.19 crashes at start-up on Swift test binaries: the runtime calls sigsuspend with a mask in
// read-only memory and valgrind writes to it. Preloading this copy-the-mask wrapper avoids that.
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, 8);
}
