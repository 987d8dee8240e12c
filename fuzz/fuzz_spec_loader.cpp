// fuzz_spec_loader: arbitrary text into codegen::load_spec_from_string +
// codegen::validate. The outcome is a valid model, or a codegen::SpecError
// whose message is "fuzz.yaml:LINE:COLUMN: error: what" with a position
// inside the text; never a crash, a hang, or another exception type.
#include "fuzz_common.hpp"

#include "spec_loader.hpp"
#include "validate.hpp"
#include "diagnostics.hpp"

#include <algorithm>
#include <exception>
#include <typeinfo>

namespace {

constexpr char kName[] = "fuzz.yaml";

// "fuzz.yaml:12:3: error: ..." -> {12, 3}; nullopt when not of that form.
std::optional<std::pair<long, long>> position(std::string_view m) {
    std::string_view const prefix = "fuzz.yaml:";
    if (!m.starts_with(prefix)) return std::nullopt;
    m.remove_prefix(prefix.size());
    long nums[2] = {0, 0};
    for (long& n : nums) {
        std::size_t i = 0;
        while (i < m.size() && m[i] >= '0' && m[i] <= '9' && i < 10) n = n * 10 + (m[i++] - '0');
        if (i == 0 || i >= m.size() || m[i] != ':') return std::nullopt;
        m.remove_prefix(i + 1);
    }
    if (!m.starts_with(" error: ") || m.size() <= 8) return std::nullopt;
    return std::pair{nums[0], nums[1]};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    if (size > 16 * 1024) return 0;
    std::string const text(fuzz::as_text(data, size));
    try {
        codegen::Spec spec = codegen::load_spec_from_string(text, kName);
        codegen::validate(spec);
        // A valid model: loading again gives the same shape.
        codegen::Spec again = codegen::load_spec_from_string(text, kName);
        codegen::validate(again);
        FUZZ_CHECK(again.categories.size() == spec.categories.size() && again.models.size() == spec.models.size() &&
                       again.params.size() == spec.params.size(),
                   "loading the same text twice gives different specs");
    } catch (codegen::SpecError const& e) {
        std::string_view const m = e.what();
        auto pos = position(m);
        FUZZ_CHECK(pos.has_value(), "SpecError not of the form 'fuzz.yaml:LINE:COLUMN: error: what': " + fuzz::show(m));
        long const lines = 1 + std::count(text.begin(), text.end(), '\n');
        FUZZ_CHECK(pos->first >= 1 && pos->second >= 1,
                   "SpecError without a position (line or column 0): " + fuzz::show(m) + " for " + fuzz::show(text));
        FUZZ_CHECK(pos->first <= lines + 1, "SpecError line " + std::to_string(pos->first) + " beyond the text (" +
                                                std::to_string(lines) + " lines): " + fuzz::show(m));
    } catch (std::bad_alloc const&) {
        FUZZ_CHECK(false, "std::bad_alloc on a " + std::to_string(size) + "-byte spec");
    } catch (std::exception const& e) {
        FUZZ_CHECK(false, std::string("exception other than SpecError: ") + typeid(e).name() + ": " + e.what() +
                              " for " + fuzz::show(text));
    } catch (...) {
        FUZZ_CHECK(false, "a non-std exception for " + fuzz::show(text));
    }
    return 0;
}
