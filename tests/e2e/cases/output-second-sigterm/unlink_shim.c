/* unlink_shim.c - a second SIGTERM exactly while the run removes its
 * temporary file: the moment a timeout(1) that sends two signals can hit,
 * made certain. Preloaded into storylens by output-second-sigterm's cmd. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static int (*real_unlink)(const char *);

__attribute__((constructor)) static void init(void)
{
    real_unlink = (int (*)(const char *))dlsym(RTLD_NEXT, "unlink");
}

int unlink(const char *path)
{
    if (strstr(path, ".tmp"))
        kill(getpid(), SIGTERM);
    return real_unlink(path);
}
