/* tree.c: full binary process tree, depth levels 0..D-1 (D=10 -> 1023 processes);
   each node forks 2 children, waits for both, then exits. Repeated R times. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
#include <time.h>
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static int D;
static void node(int level){
  if(level+1<D){
    pid_t a=fork(); if(a<0){perror("fork");_exit(1);} if(a==0){node(level+1);}
    pid_t b=fork(); if(b<0){perror("fork");_exit(1);} if(b==0){node(level+1);}
    int s1,s2; waitpid(a,&s1,0); waitpid(b,&s2,0);
    if(!WIFEXITED(s1)||!WIFEXITED(s2)||WEXITSTATUS(s1)||WEXITSTATUS(s2)) _exit(1);
  }
  if(level>0) _exit(0);
}
int main(int argc,char**argv){
  D = argc>1 ? atoi(argv[1]) : 10;
  int R = argc>2 ? atoi(argv[2]) : 1;
  int procs=(1<<D)-1;
  double t0=now();
  for(int r=0;r<R;r++) node(0);
  double dt=now()-t0;
  printf("tree: depth=%d procs=%d reps=%d %.4f s/tree  %.1f us/process (%d forks/tree)\n",
         D,procs,R,dt/R,dt*1e6/R/(procs-1),procs-1);
  return 0;
}
