/* ISC license. */
/* clock.c: qp_now, qp_await, qp_budget_left and qp_client_talked. All waits
   go through io_await on skalibs' stopwatch clock; the budget is a deadline
   on that clock, so no plugin can hold a session past it however many
   times it waits. */

#include "clock.h"

#include <stdlib.h>
#include <errno.h>
#include <time.h>

#include <skalibs/tai.h>
#include <skalibs/iopause.h>
#include <skalibs/types.h>

#include "qcsmtpd/plugin.h"
#include "io.h"
#include "limits.h"
#include "log.h"
#include "plugins.h"

static tain budget_end ;
static int budget_set = 0 ;
static int budget_logged = 0 ;

void clock_budget (unsigned int secs)
{
  io_deadline(&budget_end, secs) ;
  budget_set = 1 ;
  budget_logged = 0 ;
}

int64_t qp_now (void)
{
  /* tests fix the wall clock (QCSMTPD_TEST_NOW); only the check build listens */
  if (plugins_testing)
  {
    char const *x = getenv("QCSMTPD_TEST_NOW") ;
    int64_t t ;
    if (x && int64_scan(x, &t)) return t ;
  }
  return (int64_t)time(0) ;
}

static void ensure (void)
{
  if (!budget_set) clock_budget(POLICY_BUDGET_DEFAULT) ;
}

/* deadline = now + ms, but not past the budget; 1 if the budget is what
   limits it. Handing the message on (the queue hook) is delivery, not
   policy: the budget does not bound it, its own deadlines do. */
int clock_deadline (tain *d, unsigned int ms)
{
  tain t ;
  ensure() ;
  tain_now_g() ;
  tain_from_millisecs(&t, (int)(ms > 0x7fffffffU ? 0x7fffffffU : ms)) ;
  tain_add_g(d, &t) ;
  if (log_hookid == HOOK_QUEUE) return 0 ;
  if (tain_less(&budget_end, d)) { *d = budget_end ; return 1 ; }
  return 0 ;
}

void clock_spent (void)
{
  if (budget_logged) return ;
  budget_logged = 1 ;
  log_core(LOGWARN, "policy budget spent: plugins may not wait any longer in this session", (char *)0) ;
}

unsigned int qp_budget_left (void)
{
  tain left ;
  ensure() ;
  tain_now_g() ;
  if (!tain_less(&STAMP, &budget_end)) return 0 ;
  tain_sub(&left, &budget_end, &STAMP) ;
  return tain_to_millisecs(&left) < 0 ? 0x7fffffffU : (unsigned int)tain_to_millisecs(&left) ;
}

int qp_await (int fd, int events, unsigned int ms)
{
  tain d ;
  int bybudget = clock_deadline(&d, ms) ;
  int r = io_await(fd, (events & QP_READ ? IOPAUSE_READ : 0) | (events & QP_WRITE ? IOPAUSE_WRITE : 0), &d) ;
  if (!r && bybudget) clock_spent() ;
  return r ;
}

uint64_t qp_clock_ms (void)
{
  struct timespec ts ;
  clock_gettime(CLOCK_MONOTONIC, &ts) ;
  return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000 ;
}

int qp_await_until (int fd, int events, uint64_t deadline)
{
  uint64_t now = qp_clock_ms() ;
  if (now >= deadline) return (errno = ETIMEDOUT, 0) ;
  return qp_await(fd, events, deadline - now > 0x7fffffff ? 0x7fffffff : (unsigned int)(deadline - now)) ;
}

int qp_client_talked (unsigned int ms)
{
  tain d ;
  int bybudget = clock_deadline(&d, ms) ;
  int r = io_wait_input(&d) ;
  if (!r && bybudget) clock_spent() ;
  return r ;
}
