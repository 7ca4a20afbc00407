/* /sbin/insmod FILE.ko: loads a kernel module (kmod's insmod). Forkscope has no files, so the image
   handed to init_module is the module's file name; the kernel finds FILE.c beside the program. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

int init_module(void *module_image, unsigned long len, const char *param_values);

int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "insmod: ERROR: missing filename.\n");
    return 1;
  }
  if (init_module(argv[1], strlen(argv[1]), "") < 0) {
    fprintf(stderr, "insmod: ERROR: could not insert module %s: %s\n", argv[1], strerror(errno));
    return 1;
  }
  return 0;
}
