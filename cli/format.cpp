#include "format.hpp"

#include "twilio_usage/core/json_encode.hpp"

#include <algorithm>

#include "cli.hpp"

namespace twilio_usage_cli {

Format parse_format(std::optional<std::string> const& value, std::string const& command) {
    if (!value || *value == "table") return Format::table;
    if (*value == "csv") return Format::csv;
    if (*value == "json") return Format::json;
    throw UsageError(command + ": --format must be one of table, csv, json, got '" + value->substr(0, 40) +
                     "'");
}

std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;
    return n;
}

void Table::print(std::ostream& os) const {
    std::vector<std::size_t> width(headers.size(), 0);
    for (std::size_t c = 0; c < headers.size(); ++c) width[c] = display_width(headers[c]);
    for (auto const& row : rows)
        for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
            width[c] = std::max(width[c], display_width(row[c]));
    auto line = [&](std::vector<std::string> const& cells) {
        std::string out;
        for (std::size_t c = 0; c < headers.size(); ++c) {
            std::string const cell = c < cells.size() ? cells[c] : std::string();
            std::string const pad(width[c] - display_width(cell), ' ');
            bool const right = c < right_aligned.size() && right_aligned[c];
            bool const last = c + 1 == headers.size();
            if (c != 0) out += "  ";
            out += right ? pad + cell : (last ? cell : cell + pad);
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();  // an empty last column
        os << out << '\n';
    };
    line(headers);
    for (auto const& row : rows) line(row);
}

void Table::print_csv(std::ostream& os) const {
    os << csv_line(headers);
    for (auto const& row : rows) os << csv_line(row);
}

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_line(std::vector<std::string> const& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    return out + "\r\n";
}

std::string json_string(std::string_view s) {
    std::string out;
    twilio_usage::append_json_string(out, s);
    return out;
}

std::string amount(std::optional<twilio_usage::Decimal> const& value,
                   std::optional<std::string> const& unit) {
    if (!value) return {};
    std::string out = value->to_string();
    if (unit && !unit->empty()) out += " " + *unit;
    return out;
}

}  // namespace twilio_usage_cli
