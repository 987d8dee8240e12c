// Output formats: aligned text tables, RFC 4180 CSV, JSON string escaping,
// and "42.5 minutes" style amounts.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <twilio_usage/core/decimal.hpp>
#include <vector>

namespace twilio_usage_cli {

enum class Format { table, csv, json };

/// --format's value (default table); UsageError for anything else.
Format parse_format(std::optional<std::string> const& value, std::string const& command);

/// Columns of text, printed aligned (numbers right-aligned) or as CSV.
struct Table {
    std::vector<std::string> headers;
    std::vector<bool> right_aligned;  // per column; missing = left
    std::vector<std::vector<std::string>> rows;

    void print(std::ostream& os) const;      // aligned, two spaces between columns
    void print_csv(std::ostream& os) const;  // header line, then rows
};

/// One CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180).
std::string csv_field(std::string_view s);
/// One CSV line (CRLF-terminated, as RFC 4180 says).
std::string csv_line(std::vector<std::string> const& fields);

/// A JSON string literal (quotes included).
std::string json_string(std::string_view s);

/// "21 calls", "0.38 usd", "7" (no unit), "" (no value).
std::string amount(std::optional<twilio_usage::Decimal> const& value, std::optional<std::string> const& unit);

/// Display width of UTF-8 text (code points; the tables hold no wide characters).
std::size_t display_width(std::string_view s);

}  // namespace twilio_usage_cli
