#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H
/* printk and its pr_* shorthands. A message starts with its log level (KERN_INFO …: the SOH byte and a
   digit, from linux/kernel.h); dmesg shows it, and the console (stderr) shows those more urgent than
   KERN_WARNING, as with Linux's quiet console_loglevel of 4. */
#include <linux/kernel.h>

#define KERN_SOH "\001"
#define KERN_DEFAULT ""
#define KERN_CONT "\001c"

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)

#endif
