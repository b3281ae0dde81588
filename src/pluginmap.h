/* ISC license. */
/* pluginmap.h: doc/plugins/README's table of qpsmtpd plugin names, compiled
   in, for the configuration error about a name this build does not have. */

#ifndef QCSMTPD_PLUGINMAP_H
#define QCSMTPD_PLUGINMAP_H

enum pluginmap_status_e { MAP_YES, MAP_PLANNED, MAP_RETIRED } ;

typedef struct pluginmap_row_s pluginmap_row ;
struct pluginmap_row_s
{
  char const *name ;      /* as written in a plugins file */
  int status ;            /* MAP_* */
  char const *plugin ;    /* qcsmtpd's plugin that covers it, or "" */
  char const *note ;      /* one line, may be "" */
} ;

/* The row for name (exact), or 0. */
extern pluginmap_row const *pluginmap_find (char const *name) ;

#endif
