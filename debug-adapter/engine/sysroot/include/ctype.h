#ifndef _CTYPE_H
#define _CTYPE_H

/* The C locale. Like glibc's, the class tests return the class's bit, not 1: isdigit('5') is 2048. */
int isalpha(int c);
int isdigit(int c);
int isalnum(int c);
int isspace(int c);
int isupper(int c);
int islower(int c);
int isxdigit(int c);
int ispunct(int c);
int isprint(int c);
int iscntrl(int c);
int isgraph(int c);
int isblank(int c);
int toupper(int c);
int tolower(int c);

#endif
