// Result type shared by every parser in twilio_usage.
//
// Parsers never throw; they return ParseResult<T>, i.e. a
// boost::system::result<T, ParseError>.  Calling .value() on an error result
// throws std::invalid_argument carrying the error message (through the
// throw_exception_from_error customisation point below, found by ADL).
#pragma once

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>

#include <cstddef>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace twilio_usage {

/// What was wrong with an input, in words, quoting the offending input, e.g.
/// "month 13 is out of range 01..12 in '2024-13-01'".
struct ParseError {
  std::string what;

  friend bool operator==(ParseError const&, ParseError const&) = default;

  friend std::ostream& operator<<(std::ostream& os, ParseError const& e) {
    return os << e.what;
  }
};

template <class T>
using ParseResult = boost::system::result<T, ParseError>;

/// ADL customisation point used by boost::system::result<T, ParseError>::value().
[[noreturn]] inline void throw_exception_from_error(ParseError const& e,
                                                    boost::source_location const&) {
  throw std::invalid_argument(e.what);
}

namespace detail {

/// Longest stretch of an input that is copied into an error message.
inline constexpr std::size_t kMaxQuotedInput = 64;

/// The input in single quotes, for an error message.  Inputs longer than
/// kMaxQuotedInput bytes are cut (never inside a UTF-8 sequence) and end in
/// "..."; control characters are shown as \xNN so a message stays one line.
inline std::string quote_input(std::string_view input) {
  bool truncated = false;
  if (input.size() > kMaxQuotedInput) {
    std::size_t cut = kMaxQuotedInput;
    // Do not split a UTF-8 sequence: back off over continuation bytes.
    while (cut > 0 && (static_cast<unsigned char>(input[cut]) & 0xC0U) == 0x80U) {
      --cut;
    }
    input = input.substr(0, cut);
    truncated = true;
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(input.size() + 8);
  out.push_back('\'');
  for (char c : input) {
    auto const u = static_cast<unsigned char>(c);
    if (u < 0x20U || u == 0x7FU) {
      out += "\\x";
      out.push_back(kHex[u >> 4U]);
      out.push_back(kHex[u & 0x0FU]);
    } else {
      out.push_back(c);
    }
  }
  if (truncated) out += "...";
  out.push_back('\'');
  return out;
}

}  // namespace detail
}  // namespace twilio_usage
