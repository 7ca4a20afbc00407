/* fork_loop.c: N x (fork; child _exit(0); parent waitpid) */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
#include <time.h>
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(int argc,char**argv){
  int n = argc>1 ? atoi(argv[1]) : 20000;
  double t0=now();
  for(int i=0;i<n;i++){
    pid_t p=fork();
    if(p<0){perror("fork");return 1;}
    if(p==0) _exit(0);
    int st; if(waitpid(p,&st,0)!=p){perror("waitpid");return 1;}
  }
  double dt=now()-t0;
  printf("fork: n=%d %.3f s  %.1f us/cycle  %.0f cycles/s\n",n,dt,dt*1e6/n,n/dt);
  return 0;
}
