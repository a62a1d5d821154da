// core/status.h: the error type of every fallible operation in nufuz.
//
// Contract: I/O, loading and per-document failures return a Status (or a
// Result<T>) whose message names the input and the place ("seeds/a.txt: byte
// 812: invalid UTF-8"). Messy but usable input is never a Status error; it
// becomes a Diagnostic on the Document (see document.h). Asserts are for
// programmer errors only; no input may trigger one.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace nufuz {

// Stored in outputs and exit codes; never renumber.
enum class StatusCode : std::uint8_t {
  kOk = 0,
  kInvalidInput = 1,  // the input cannot be read as a document
  kNotFound = 2,      // a path does not exist
  kIoError = 3,       // the OS refused a read or write
  kTooLarge = 4,      // over a configured size limit
  kDataError = 5,     // a data/ file is malformed
  kUnsupported = 6,   // a format or feature nufuz does not handle
  kInternal = 7,
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return {}; }
  static Status Error(StatusCode code, std::string message) {
    Status s;
    s.code_ = code;
    s.message_ = std::move(message);
    return s;
  }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid input: <message>".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

const char* StatusCodeName(StatusCode code);

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace nufuz
