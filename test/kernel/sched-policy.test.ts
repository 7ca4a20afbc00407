// sched_setscheduler and friends where Forkscope differs from root on Linux, or where the differential
// program (test/differential/process-programs/sched_policy_brk.c) cannot look: there is no real-time
// class, so SCHED_FIFO and SCHED_RR fail with EPERM (root's Linux would grant them); another process's
// policy, by PID; SCHED_RESET_ON_FORK's nice reset in the child; and the IDs, read from init_cred.
import { describe, expect, it } from 'vitest';
import { runC } from '../support/run-c';

function run(source: string) {
  const r = runC(source);
  expect(r.diagnostics).toBe('');
  expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  return r.stdout;
}

describe('scheduling policies', () => {
  it('refuses SCHED_FIFO and SCHED_RR with EPERM, after the checks that make them EINVAL', () => {
    expect(
      run(`#include <errno.h>
#include <sched.h>
#include <stdio.h>
int main(void) {
  struct sched_param p = { 10 };
  int r;
  errno = 0;
  r = sched_setscheduler(0, SCHED_FIFO, &p);
  printf("fifo 10: %d errno %d\\n", r, errno);
  errno = 0;
  r = sched_setscheduler(0, SCHED_RR, &p);
  printf("rr 10: %d errno %d\\n", r, errno);
  p.sched_priority = 0;
  errno = 0;
  r = sched_setscheduler(0, SCHED_RR, &p);
  printf("rr 0: %d errno %d\\n", r, errno);
  printf("still %d, priority range %d..%d\\n", sched_getscheduler(0), sched_get_priority_min(SCHED_RR), sched_get_priority_max(SCHED_RR));
  return 0;
}
`),
    ).toBe(`fifo 10: -1 errno 1\nrr 10: -1 errno 1\nrr 0: -1 errno 22\nstill 0, priority range 1..99\n`);
  });

  it('sets and reads another process\'s policy by PID, and ESRCH once it is gone', () => {
    expect(
      run(`#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  struct sched_param p = { 0 };
  int gate[2];
  char c;
  pipe(gate);
  pid_t child = fork();
  if (child == 0) {
    read(gate[0], &c, 1);
    printf("child sees %d\\n", sched_getscheduler(0));
    return 0;
  }
  printf("set idle: %d\\n", sched_setscheduler(child, SCHED_IDLE, &p));
  printf("parent sees child %d, itself %d\\n", sched_getscheduler(child), sched_getscheduler(0));
  fflush(stdout);
  write(gate[1], "x", 1);
  waitpid(child, 0, 0);
  errno = 0;
  int r = sched_getscheduler(child);
  printf("after reaping: %d errno %d\\n", r, errno);
  return 0;
}
`),
    ).toBe('set idle: 0\nparent sees child 5, itself 0\nchild sees 5\nafter reaping: -1 errno 3\n');
  });

  it('SCHED_RESET_ON_FORK: the child starts at nice 0 at most, without the flag, with the policy kept', () => {
    expect(
      run(`#include <sched.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  struct sched_param p = { 0 };
  setpriority(PRIO_PROCESS, 0, -5);
  sched_setscheduler(0, SCHED_BATCH | SCHED_RESET_ON_FORK, &p);
  printf("parent: policy %#x nice %d\\n", sched_getscheduler(0), getpriority(PRIO_PROCESS, 0));
  fflush(stdout);
  if (fork() == 0) {
    printf("child: policy %#x nice %d\\n", sched_getscheduler(0), getpriority(PRIO_PROCESS, 0));
    return 0;
  }
  wait(0);
  return 0;
}
`),
    ).toBe('parent: policy 0x40000003 nice -5\nchild: policy 0x3 nice 0\n');
  });
});

describe('credentials', () => {
  it('every process, forked or a thread\'s, runs as root', () => {
    expect(
      run(`#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  printf("%u %u %u %u\\n", getuid(), geteuid(), getgid(), getegid());
  fflush(stdout);
  if (fork() == 0) {
    printf("child %u %u %u %u\\n", getuid(), geteuid(), getgid(), getegid());
    return 0;
  }
  wait(0);
  return 0;
}
`),
    ).toBe('0 0 0 0\nchild 0 0 0 0\n');
  });
});
