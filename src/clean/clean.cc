#include "clean/clean.h"
