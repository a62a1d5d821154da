#include "repair/repair.h"
