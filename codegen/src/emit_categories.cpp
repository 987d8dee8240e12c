#include "emit.hpp"
#include "perfect_hash.hpp"

#include <map>
#include <sstream>

namespace codegen {

std::string emit_categories(Spec const& spec) {
    std::ostringstream o;
    auto const n = spec.categories.size();
    o << banner(spec, "Usage categories: the Category enum and its lookup tables.");
    o << "#include <array>\n#include <cstddef>\n#include <cstdint>\n#include <string_view>\n\n";
    o << "namespace twilio_usage {\n\n";

    o << "/// Groups of Twilio's published category table; `none` where it gives no group.\n";
    o << "enum class CategoryGroup : std::uint8_t {\n    none,\n";
    for (auto const& g : spec.groups) o << "    " << g.name << ",\n";
    o << "};\n\n";

    o << "/// Every usage category of the spec (" << n << "), in spec order. The numeric\n"
         "/// values follow that order and may change when categories are added.\n";
    o << "enum class Category : std::uint16_t {\n";
    for (auto const& c : spec.categories) o << "    " << c.identifier << ",\n";
    o << "};\n\n";
    o << "inline constexpr std::size_t category_count = " << n << ";\n\n";

    o << "namespace detail {\n\n";
    o << "inline constexpr std::string_view category_group_titles[] = {\n    \"\",\n";
    for (auto const& g : spec.groups) o << "    " << literal(g.title) << ",\n";
    o << "};\n\n";

    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i) index[spec.categories[i].name] = i;
    o << "struct CategoryRow {\n"
         "    std::string_view name;\n"
         "    std::string_view description;\n"
         "    std::string_view count_unit;\n"
         "    std::string_view usage_unit;\n"
         "    std::string_view first_listed;\n"
         "    std::uint16_t parent;  // category_count when it has none\n"
         "    CategoryGroup group;\n"
         "    bool retired;\n"
         "    bool sums_all_prices;\n"
         "};\n\n";
    o << "// name, description, count unit, usage unit, first listed, parent, group, retired, sums all prices\n";
    o << "inline constexpr CategoryRow category_rows[category_count] = {\n";
    for (auto const& c : spec.categories) {
        o << "    {" << literal(c.name) << ", " << literal(c.description) << ", "
          << literal(c.count_unit) << ", " << literal(c.usage_unit) << ", "
          << literal(c.first_listed) << ", "
          << (c.parent.empty() ? n : index.at(c.parent)) << ", CategoryGroup::"
          << (c.group.empty() ? "none" : c.group) << ", " << (c.retired ? "true" : "false")
          << ", " << (c.sums_all_prices ? "true" : "false") << "},\n";
    }
    o << "};\n\n";

    // Few categories have a short name: a sparse table, in spec (= enum)
    // order so that a lookup can search it by halves.
    std::size_t shorts = 0;
    for (auto const& c : spec.categories) shorts += !c.short_description.empty();
    o << "/// The name Twilio sends as a record's description, where the spec gives one.\n"
         "struct CategoryShortDescription {\n"
         "    Category category;\n"
         "    std::string_view text;\n"
         "};\n\n";
    o << "// In Category order.\n";
    o << "inline constexpr std::array<CategoryShortDescription, " << shorts << "> category_short_descriptions{";
    if (shorts > 0) {
        o << "{\n";
        for (auto const& c : spec.categories)
            if (!c.short_description.empty())
                o << "    {Category::" << c.identifier << ", " << literal(c.short_description) << "},\n";
        o << "}";
    }
    o << "};\n\n";

    std::vector<std::string> names;
    for (auto const& c : spec.categories) names.push_back(c.name);
    auto table = build_perfect_hash(names);
    o << "// Hash-and-displace table over the names (see core/category_hash.hpp).\n";
    o << "inline constexpr std::uint64_t category_hash_seed = " << table.seed << "u;\n";
    o << "inline constexpr std::uint32_t category_bucket_mask = " << table.bucket_mask << "u;\n";
    o << "inline constexpr std::uint32_t category_slot_mask = " << table.slot_mask << "u;\n";
    auto emit_u16 = [&](char const* name, std::vector<std::uint16_t> const& values) {
        o << "inline constexpr std::uint16_t " << name << "[" << values.size() << "] = {";
        for (std::size_t i = 0; i < values.size(); ++i)
            o << (i % 16 == 0 ? "\n    " : " ") << values[i] << ",";
        o << "\n};\n";
    };
    emit_u16("category_displacements", table.displacements);
    emit_u16("category_slots", table.slots);
    o << "\n}  // namespace detail\n\n}  // namespace twilio_usage\n";
    return o.str();
}

}  // namespace codegen
