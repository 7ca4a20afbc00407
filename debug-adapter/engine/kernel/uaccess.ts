// include/linux/uaccess.h's copy_to_user and copy_from_user: the kernel writing into a user buffer it
// was handed, or reading one. A bad user pointer must become an error the system call returns (EFAULT),
// never a fault of the kernel, so the copy goes page by page and stops at the first page it may not use.
import { type AddressSpace, LAYOUT, MemoryFault, PAGE_SIZE } from '../vm/memory';

const EFAULT = 14;

/** Copies `n` bytes from `from` (kernel memory) to `to` (user memory); returns the bytes not copied. */
export function copyToUser(mem: AddressSpace, to: number, from: number, n: number): number {
  // access_ok: the whole range must lie below the kernel's addresses.
  if (!(to >= 0 && to + n <= LAYOUT.kernelBase)) return n;
  let done = 0;
  while (done < n) {
    const chunk = Math.min(n - done, PAGE_SIZE - ((to + done) % PAGE_SIZE));
    try {
      mem.writeBytes(to + done, mem.readBytes(from + done, chunk));
    } catch (e) {
      if (e instanceof MemoryFault) return n - done;
      throw e;
    }
    done += chunk;
  }
  return 0;
}

/**
 * Copies `n` bytes from `from` (user memory) to `to` (kernel memory); returns the bytes not copied,
 * which are zeroed (Linux's _copy_from_user: the kernel never sees stale bytes).
 */
export function copyFromUser(mem: AddressSpace, to: number, from: number, n: number): number {
  let done = 0;
  if (from >= 0 && from + n <= LAYOUT.kernelBase) {
    while (done < n) {
      const chunk = Math.min(n - done, PAGE_SIZE - ((from + done) % PAGE_SIZE));
      try {
        mem.writeBytes(to + done, mem.readBytes(from + done, chunk));
      } catch (e) {
        if (!(e instanceof MemoryFault)) throw e;
        break;
      }
      done += chunk;
    }
  }
  if (done < n) mem.fill(to + done, 0, n - done);
  return n - done;
}

/**
 * put_user's store of one value of `size` bytes (1, 2, 4 or 8) at the user's `to`: 0, or the -EFAULT
 * of an address user memory cannot be written at. The value is stored as x86's __put_user_N does,
 * from a register: no copy in kernel memory, so it costs the caller no stack.
 */
export function putUser(mem: AddressSpace, to: number, value: number | bigint, size: number): number {
  if (mem.userAccessible(to, size, true) < size) return -EFAULT;
  if (size === 8) mem.write64(to, typeof value === 'bigint' ? BigInt.asIntN(64, value) : value);
  else if (size === 4) mem.write32(to, Number(BigInt.asIntN(32, BigInt(value))));
  else if (size === 2) mem.write16(to, Number(BigInt.asIntN(16, BigInt(value))));
  else mem.write8(to, Number(BigInt.asUintN(8, BigInt(value))));
  return 0;
}
