/* The umbrella header compiles alone, strictly, in C and C++: a user's
 * warnings flags must never trip over libocc's headers. */
#include <occ/occ.h>

int
main (void)
{
  g_autoptr (OccDataset) dataset = NULL;
  return OCC_CHECK_VERSION (1, 0, 0) && dataset == NULL ? 0 : 1;
}
