#include "store/sqlite.h"

namespace nufuz::store {

bool Stmt::Step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE && status && status->ok()) {
    const char* sql = sqlite3_sql(stmt_);
    *status = db_->Error(sql ? sql : "step");
  }
  return false;
}

Status Stmt::Run() {
  Status s;
  while (Step(&s)) {
  }
  sqlite3_reset(stmt_);
  return s;
}

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, bool read_only) {
  auto db = std::make_unique<Db>();
  db->path_ = path;
  const int mode = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db->db_, mode | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = path + ": cannot open database: " +
                      (db->db_ ? sqlite3_errmsg(db->db_) : sqlite3_errstr(rc));
    return Status::Error(StatusCode::kIoError, msg);
  }
  sqlite3_extended_result_codes(db->db_, 1);
  sqlite3_busy_timeout(db->db_, 10000);
  return db;
}

Db::~Db() {
  if (db_) sqlite3_close_v2(db_);
}

Status Db::Error(std::string_view what) const {
  std::string sql(what.substr(0, 120));
  return Status::Error(StatusCode::kIoError,
                       path_ + ": " + sqlite3_errmsg(db_) + " (in: " + sql + ")");
}

Status Db::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = path_ + ": " + (err ? err : sqlite3_errstr(rc)) +
                      " (in: " + std::string(sql.substr(0, 120)) + ")";
    sqlite3_free(err);
    return Status::Error(StatusCode::kIoError, msg);
  }
  return Status::Ok();
}

Result<Stmt> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st, nullptr);
  if (rc != SQLITE_OK) return Error(sql);
  return Stmt(this, st);
}

Result<std::int64_t> Db::QueryInt(std::string_view sql) {
  auto st = Prepare(sql);
  if (!st.ok()) return st.status();
  Status s;
  std::int64_t v = 0;
  if (st->Step(&s)) v = st->Int(0);
  if (!s.ok()) return s;
  return v;
}

}  // namespace nufuz::store
