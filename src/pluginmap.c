/* ISC license. */
/* pluginmap.c: the rows of doc/plugins/README's table (src/plugin_map.inc,
   made by src/plugin_map.awk), looked up when control/plugins names a
   plugin this build does not have. Sorted by name in the README; a linear
   search is enough for a configuration error. */

#include "pluginmap.h"

#include <string.h>

static pluginmap_row const rows[] =
{
#include "plugin_map.inc"
} ;

pluginmap_row const *pluginmap_find (char const *name)
{
  for (size_t i = 0 ; i < sizeof(rows) / sizeof(rows[0]) ; i++)
    if (!strcmp(rows[i].name, name)) return rows + i ;
  return 0 ;
}
