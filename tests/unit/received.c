/* ISC license. */
/* tests/unit/received.c: the hand-made RFC 5322 date of the Received: line
   against gmtime_r + strftime, on fixed edge cases and 200 000 random times. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "received.h"

static int fails = 0 ;

static void one (long long t, char const *name)
{
  stralloc sa = STRALLOC_ZERO ;
  char want[64] ;
  time_t tt = (time_t)t ;
  struct tm tm ;
  gmtime_r(&tt, &tm) ;
  strftime(want, sizeof want, "%a, %d %b %Y %H:%M:%S +0000", &tm) ;
  if (!received_date(&sa, t) || !stralloc_0(&sa) || strcmp(sa.s, want))
  {
    if (name) printf("FAIL - received: date %s (%lld): got \"%s\", expected \"%s\"\n", name, t, sa.s ? sa.s : "", want) ;
    fails++ ;
  }
  else if (name) printf("ok - received: date %s\n", name) ;
  stralloc_free(&sa) ;
}

int main (void)
{
  static struct { long long t ; char const *name ; } const fixed[] =
  {
    { 0, "epoch" }, { -1, "second before the epoch" }, { 86399, "end of day 0" },
    { 951782400, "29 Feb 2000" }, { 951868800, "1 Mar 2000" }, { 4107542400LL, "1 Mar 2100 (not leap)" },
    { 1709164800, "29 Feb 2024" }, { 1735689599, "end of 2024" }, { 253402300799LL, "end of 9999" },
  } ;
  unsigned int i ;
  int before ;
  for (i = 0 ; i < sizeof fixed / sizeof fixed[0] ; i++) one(fixed[i].t, fixed[i].name) ;
  before = fails ;
  srand(20261122) ;
  for (i = 0 ; i < 200000 ; i++)
  {
    long long t = ((long long)rand() << 20 ^ rand()) % 253402300800LL ;
    one(t, 0) ;
  }
  if (fails == before) printf("ok - received: date of 200000 random times 1970-9999\n") ;
  else printf("FAIL - received: date of random times: %d differ\n", fails - before) ;
  return !!fails ;
}
