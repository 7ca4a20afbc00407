/* drivers/char/random.c's getrandom(2): bytes from the kernel's random number generator, which glibc's
   malloc asks for on its first call (the tcache key) before anything else.

   Linux's crng is ChaCha20, keyed from entropy the hardware gives. Forkscope's is SplitMix64, keyed at
   boot from the machine's seed (--seed) as the scheduler's random policy is: the same seed gives the
   same bytes, so a run can be repeated exactly. The generator is always ready, so GRND_NONBLOCK never
   has to fail with EAGAIN. */
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/errno.h>
#include <linux/random.h>
#include <linux/forkscope.h>

#define INT_MAX 0x7fffffff
#define PAGE_SIZE 4096

/* The generator's state: written by the host at boot (the seed), then advanced by each draw. */
u64 crng_state;

/* SplitMix64 (Steele, Lea and Flood): the next 8 bytes of the stream. */
static u64 crng_next(void)
{
  u64 z = crng_state += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* The bytes copied, or -EFAULT when not even the first could be. A signal stops a long request at a
   page boundary, with what was copied so far, as Linux's does. */
static long get_random_bytes_user(char *ubuf, size_t len)
{
  long ret = 0;
  u64 block;

  while (len) {
    size_t n = len < sizeof(block) ? len : sizeof(block);
    size_t left;

    block = crng_next();
    left = copy_to_user(ubuf + ret, &block, n);
    ret += n - left;
    if (left) {
      if (!ret)
        ret = -EFAULT;
      break;
    }
    len -= n;
    if (len && ret % PAGE_SIZE == 0 && signal_pending(current))
      break;
  }
  return ret;
}

long sys_getrandom(char *ubuf, size_t len, unsigned int flags)
{
  if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
    return -EINVAL;
  /* Requesting insecure and blocking randomness at the same time makes no sense. */
  if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
    return -EINVAL;
  if (len > INT_MAX)
    len = INT_MAX;
  if (!len)
    return 0;
  return get_random_bytes_user(ubuf, len);
}
