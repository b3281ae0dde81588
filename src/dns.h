/* ISC license. */
/* dns.h: the resolver (qp_dns_* in qcsmtpd/plugin.h, doc/plugin-api). Its
   control files: dns_servers, dns_timeout, dns_tries (qcsmtpd.8). */

#ifndef QCSMTPD_DNS_H
#define QCSMTPD_DNS_H

#include "qcsmtpd/plugin.h"

#endif
