// store/schema.h: schema migrations (internal to the store stage).
//
// Contract: Migrate brings the database to kSchemaVersion one migration at
// a time (each in its own transaction with its PRAGMA user_version bump);
// it refuses a database newer than this build. Tables: docs/storage.md.
#pragma once

#include "core/status.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace nufuz::store {

Status Migrate(Db& db);

}  // namespace nufuz::store
