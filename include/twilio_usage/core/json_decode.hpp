// Streaming JSON decoder: a scanner of our own (fast_scan.hpp), or Boost.JSON's
// basic_parser for every document the scanner leaves to it, feeds events
// straight into the generated structs, with no DOM in between. Numbers keep
// their exact text (a price sent as a JSON number loses no digit), unknown
// keys are skipped, and every failure names the field: "usage_records[3].price".
#pragma once

#include "twilio_usage/core/decode.hpp"
#include "twilio_usage/core/error.hpp"
#include "twilio_usage/core/fast_scan.hpp"
#include "twilio_usage/core/field_decode.hpp"
#include "twilio_usage/core/page.hpp"
#include "twilio_usage/generated/models.hpp"

#include <boost/describe/members.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace twilio_usage {

namespace detail {

// One open container of the document. Frames are kept on a stack and reused.
class Frame {
public:
    virtual ~Frame() = default;
    virtual void key(std::string_view k) { key_.assign(k); }
    // A scalar inside this container; false with what was expected in `why`
    // on mismatch (`why` is left alone on success).
    virtual bool scalar(Scalar const& s, std::string& why) = 0;
    // A container starts inside this one: the frame to push, or nullptr to skip it.
    virtual Frame* open(bool is_object, std::string& expected) = 0;
    // This container ends (it is popped off the stack next).
    virtual void close() {}
    // Arrays: a new element begins (not virtual: it runs for every value).
    void element() noexcept {
        if (is_list_) ++index_;
    }
    // Path segment of the current child, for error messages.
    virtual void path(std::string& out) const {
        if (!key_.empty()) (out += '.') += printable(key_);
    }
    // The whole text of the last key kept for path() (empty for a known field).
    std::string_view key_text() const noexcept { return key_; }
    // Whether a scalar under the current key is read at all: the parts of
    // one that is not (an unknown key's value) are not gathered, so that a
    // huge unknown string costs no memory.
    virtual bool keeps_value() const noexcept { return true; }

protected:
    std::string key_;
    bool is_list_ = false;  // element() counts elements in index_
    long index_ = -1;
};

// Whether the n bytes at a and b are the same: memcmp, inline, a word at a
// time (a key is 3 to 20 bytes), never reading outside either range.
[[gnu::always_inline]] inline bool same_bytes(char const* a, char const* b, std::size_t n) noexcept {
    auto load8 = [](char const* p) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        return v;
    };
    auto load4 = [](char const* p) {
        std::uint32_t v;
        std::memcpy(&v, p, 4);
        return v;
    };
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8)
            if (load8(a + i) != load8(b + i)) return false;
        return load8(a + n - 8) == load8(b + n - 8);
    }
    if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

[[gnu::always_inline]] inline bool same_text(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && same_bytes(a.data(), b.data(), a.size());
}

template <model T>
class ModelFrame;

template <class T>
struct is_optional_model : std::false_type {};
template <model T>
struct is_optional_model<std::optional<T>> : std::true_type {
    using type = T;
};

// Decodes the fields of one model object into *target.
template <model T>
class ModelFrame : public Frame {
public:
    static constexpr std::size_t field_count = model_traits<T>::fields.size();

    /// Decodes into *target. `reused`: *target holds an earlier item (of a
    /// recycled page), whose fields this object does not name are emptied
    /// at close(), so that it ends as a fresh T would; those it names are
    /// assigned in place, keeping their strings' capacity.
    void reset(T* target, bool reused = false) {
        target_ = target;
        field_ = -1;
        next_ = 0;
        reused_ = reused;
        assigned_ = 0;
    }

    void close() override {
        if (!reused_) return;
        std::uint64_t const unnamed = ~assigned_ & all_fields;
        if (unnamed == 0) [[likely]]
            return;
        for (std::size_t i = 0; i < field_count; ++i)
            if (unnamed >> i & 1u) with_field(i, [](auto& member, FieldInfo const&) { member = {}; });
    }

    // A known key is remembered by its field index, not copied (this runs for
    // every key of every record); only an unknown key's text is kept. path()
    // says exactly what it said when every key was copied into key_.
    // Servers send the fields in one order, so the field after the previous
    // key is tried first.
    void key(std::string_view k) override {
        std::size_t const i = next_;
        if (i < field_count && same_text(model_traits<T>::fields[i].wire, k)) [[likely]] {
            field_ = shown_ = static_cast<int>(i);
            next_ = i + 1;
        } else {
            find_key(k);
        }
    }
    bool keeps_value() const noexcept override { return field_ >= 0; }
    void path(std::string& out) const override {
        if (shown_ < 0) return Frame::path(out);
        (out += '.') += model_traits<T>::fields[static_cast<std::size_t>(shown_)].wire;
    }

    bool scalar(Scalar const& s, std::string& why) override {
        if (field_ < 0) return true;
        auto const i = static_cast<std::size_t>(field_);
        assigned_ |= std::uint64_t{1} << i;
        return with_field(i, [&](auto& member, FieldInfo const& info) {
            using M = std::remove_reference_t<decltype(member)>;
            if constexpr (std::is_same_v<M, std::optional<Date>> || std::is_same_v<M, std::optional<Timestamp>>)
                return assign_remembered(member, s, info.type, why, memos_[i]);
            else
                return assign_optional(member, s, info.type, why);
        });
    }

    Frame* open(bool is_object, std::string& expected) override {
        if (field_ < 0) return nullptr;
        Frame* child = nullptr;
        with_field(static_cast<std::size_t>(field_), [&](auto& member, FieldInfo const&) {
            using M = std::remove_reference_t<decltype(member)>;
            if constexpr (is_optional_model<M>::value) {
                if (!is_object) {
                    expected = "an object";
                    return;
                }
                using Sub = typename is_optional_model<M>::type;
                if (!children_) children_ = std::make_unique<std::array<std::unique_ptr<Frame>, field_count>>();
                auto& slot = (*children_)[static_cast<std::size_t>(field_)];
                if (!slot) slot = std::make_unique<ModelFrame<Sub>>();
                auto* frame = static_cast<ModelFrame<Sub>*>(slot.get());
                bool const reuse = reused_ && member.has_value();
                frame->reset(reuse ? &*member : &member.emplace(), reuse);
                assigned_ |= std::uint64_t{1} << static_cast<std::size_t>(field_);
                child = frame;
            } else {
                std::string found = is_object ? "an object" : "an array";
                expected = "a single value, not " + found;
            }
        });
        return child;
    }

    // key() when the key is not the one after the previous key.
    [[gnu::noinline]] void find_key(std::string_view k) {
        field_ = -1;
        for (std::size_t i = 0; i < field_count; ++i)
            if (same_text(model_traits<T>::fields[i].wire, k)) {
                field_ = static_cast<int>(i);
                break;
            }
        if (field_ >= 0) next_ = static_cast<std::size_t>(field_) + 1;
        shown_ = field_;
        if (field_ < 0) key_.assign(k);
    }

    // Returns f(member, field info) for field i, via Boost.Describe.
    template <class F>
    decltype(auto) with_field(std::size_t i, F&& f) {
        using members = boost::describe::describe_members<T, boost::describe::mod_public>;
        return boost::mp11::mp_with_index<field_count>(i, [&](auto I) {
            using D = boost::mp11::mp_at_c<members, I>;
            return f(target_->*D::pointer, model_traits<T>::fields[I]);
        });
    }

private:
    // The last text a date or timestamp field was read from, and what it gave
    // (records of a page mostly share their dates and their as_of).
    struct Memo {
        std::uint8_t size = 0;  // 0: none (an empty text is never a date)
        char text[31];
        Date date{};
        Timestamp time{};
    };

    // assign_optional, skipping the parse when the text is the one this
    // field parsed last: the same text of the same field gives the same value.
    template <class V>
    static bool assign_remembered(std::optional<V>& out, Scalar const& s, ValueType type, std::string& why,
                                  Memo& memo) {
        if (s.kind == Scalar::string && memo.size != 0 && s.text.size() == memo.size &&
            same_bytes(s.text.data(), memo.text, memo.size)) {
            if constexpr (std::is_same_v<V, Date>)
                out = memo.date;
            else
                out = memo.time;
            return true;
        }
        if (!assign_optional(out, s, type, why)) return false;
        if (s.kind == Scalar::string && out && !s.text.empty() && s.text.size() <= sizeof memo.text) {
            memo.size = static_cast<std::uint8_t>(s.text.size());
            std::memcpy(memo.text, s.text.data(), s.text.size());
            if constexpr (std::is_same_v<V, Date>)
                memo.date = *out;
            else
                memo.time = *out;
        }
        return true;
    }

    static_assert(field_count <= 64, "assigned_ holds one bit per field");
    static constexpr std::uint64_t all_fields =
        field_count == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << field_count) - 1;

    T* target_ = nullptr;
    bool reused_ = false;
    std::uint64_t assigned_ = 0;  // fields this object named (bit i: field i)
    int field_ = -1;
    int shown_ = -1;  // field whose key path() shows; -1: key_ (unknown or none yet)
    std::size_t next_ = 0;  // the field tried first for the next key
    std::unique_ptr<std::array<std::unique_ptr<Frame>, field_count>> children_;
    std::array<Memo, field_count> memos_{};
};

// The list inside a page: each element is an object decoded into the next T
// of *items: one left there from a recycled page while there are any (its
// strings keep their capacity), then a new one. The recycled items the list
// did not reach are dropped when it ends.
template <model T>
class ListFrame : public Frame {
public:
    explicit ListFrame(std::vector<T>* items) : items_(items) { is_list_ = true; }
    bool scalar(Scalar const& s, std::string& why) override {
        why = "an object, found " + describe_found(s) + " in the list";
        return false;
    }
    Frame* open(bool is_object, std::string& expected) override {
        if (!is_object) {
            expected = "an object";
            return nullptr;
        }
        if (decoded_ < items_->size()) item_.reset(&(*items_)[decoded_], true);
        else item_.reset(&items_->emplace_back());
        ++decoded_;
        return &item_;
    }
    void close() override { items_->erase(items_->begin() + static_cast<std::ptrdiff_t>(decoded_), items_->end()); }
    void path(std::string& out) const override { out += "[" + std::to_string(index_) + "]"; }
    /// Room for `n` items before the first arrives (no moves while the page grows).
    void reserve(std::size_t n) {
        if (items_->empty()) items_->reserve(n);
    }

private:
    std::vector<T>* items_;
    std::size_t decoded_ = 0;  // items of this list so far
    ModelFrame<T> item_;
};

// A page: the envelope fields plus the list under `list_key`.
template <model T>
class PageFrame : public Frame {
public:
    PageFrame(Page<T>* page, std::string_view list_key) : page_(page), list_key_(list_key), list_(&page->items) {
        info_.reset(&page->info);
    }
    void key(std::string_view k) override {
        Frame::key(k);
        in_list_ = k == list_key_;
        if (in_list_) {
            repeated_list_ = seen_list_;
            seen_list_ = true;
        }
        info_.key(k);
    }
    bool keeps_value() const noexcept override { return in_list_ || info_.keeps_value(); }
    bool scalar(Scalar const& s, std::string& why) override {
        if (in_list_) {
            why = s.kind == Scalar::null ? "a list" : "a list, found " + describe_found(s);
            return false;
        }
        return info_.scalar(s, why);
    }
    Frame* open(bool is_object, std::string& expected) override {
        if (!in_list_) return info_.open(is_object, expected);
        if (repeated_list_) {
            // Two lists under one key: which one is the page is anyone's guess.
            expected = "one list (the key appears twice)";
            return nullptr;
        }
        if (is_object) {
            expected = "a list";
            return nullptr;
        }
        // The envelope says how many items a page holds (1..1000 on the wire);
        // when it comes before the list, make room for them at once.
        if (auto const& size = page_->info.page_size; size && *size > 0)
            list_.reserve(static_cast<std::size_t>(std::min<std::int64_t>(*size, 1000)));
        return &list_;
    }
    bool seen_list() const { return seen_list_; }

private:
    Page<T>* page_;
    std::string_view list_key_;
    ModelFrame<PageInfo> info_;
    ListFrame<T> list_;
    bool in_list_ = false;
    bool seen_list_ = false;
    bool repeated_list_ = false;
};

// basic_parser's handler, and FastScan's: keeps the frame stack, joins split
// strings and numbers, skips unknown containers, and stops at the first
// decode error.
class DecodeHandler {
public:
    static constexpr std::size_t max_object_size = 1'000'000;
    static constexpr std::size_t max_array_size = 10'000'000;
    static constexpr std::size_t max_key_size = 4096;
    static constexpr std::size_t max_string_size = 16 * 1024 * 1024;

    explicit DecodeHandler(Frame* root, std::string root_name)
        : root_(root), root_name_(std::move(root_name)) {}

    std::optional<Error> error;

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }

    bool on_object_begin(boost::system::error_code& ec) { return open(true, ec); }
    bool on_object_end(std::size_t, boost::system::error_code&) { return close(); }
    bool on_array_begin(boost::system::error_code& ec) { return open(false, ec); }
    bool on_array_end(std::size_t, boost::system::error_code&) { return close(); }

    bool on_key_part(std::string_view s, std::size_t, boost::system::error_code&) {
        buffer_.append(s);
        return true;
    }
    bool on_key(std::string_view s, std::size_t, boost::system::error_code&) {
        if (skip_depth_ == 0 && top_) top_->key(whole(s));
        buffer_.clear();
        return true;
    }

    bool on_string_part(std::string_view s, std::size_t, boost::system::error_code&) {
        if (gathers_value()) buffer_.append(s);
        return true;
    }
    bool on_string(std::string_view s, std::size_t, boost::system::error_code& ec) {
        return token(Scalar::string, s, ec);
    }

    bool on_number_part(std::string_view s, boost::system::error_code&) {
        if (gathers_value()) buffer_.append(s);
        return true;
    }
    bool on_int64(std::int64_t, std::string_view s, boost::system::error_code& ec) {
        return token(Scalar::number, s, ec);
    }
    bool on_uint64(std::uint64_t, std::string_view s, boost::system::error_code& ec) {
        return token(Scalar::number, s, ec);
    }
    bool on_double(double, std::string_view s, boost::system::error_code& ec) {
        return token(Scalar::number, s, ec);
    }
    // A whole number as text (FastScan; basic_parser gives the three above).
    bool on_number(std::string_view s, boost::system::error_code& ec) { return token(Scalar::number, s, ec); }

    bool on_bool(bool b, boost::system::error_code& ec) {
        return skip_depth_ > 0 || scalar({Scalar::boolean, b, {}}, ec);
    }
    bool on_null(boost::system::error_code& ec) { return skip_depth_ > 0 || scalar({Scalar::null, false, {}}, ec); }
    bool on_comment_part(std::string_view, boost::system::error_code&) { return true; }
    bool on_comment(std::string_view, boost::system::error_code&) { return true; }

    std::string where() const {
        std::string out = root_name_;
        for (Frame const* frame : stack_) frame->path(out);
        return out;
    }

    /// After an error: whether the whole text of the value it names (its
    /// excerpt may be cut) holds `needle`; keys_mention: a key on its path.
    bool value_mentions(std::string_view needle) const {
        return !needle.empty() && failed_text_.find(needle) != std::string::npos;
    }
    bool keys_mention(std::string_view needle) const {
        if (needle.empty()) return false;
        for (Frame const* frame : stack_)
            if (frame->key_text().find(needle) != std::string_view::npos) return true;
        return false;
    }

private:
    // Whether the parts of the current string or number are collected: not
    // inside a skipped container, nor under a key whose value is not read.
    bool gathers_value() const noexcept { return skip_depth_ == 0 && (!top_ || top_->keeps_value()); }

    // The whole key, string or number: `last` alone, or the parts that
    // basic_parser delivered before it plus `last`.
    std::string_view whole(std::string_view last) {
        if (buffer_.empty()) return last;
        buffer_.append(last);
        return buffer_;
    }

    [[gnu::always_inline]] bool token(Scalar::Kind kind, std::string_view last, boost::system::error_code& ec) {
        if (skip_depth_ > 0) return true;
        if (buffer_.empty()) [[likely]]
            return scalar({kind, false, last}, ec);
        return split_token(kind, last, ec);
    }

    // A string or number that came in parts.
    [[gnu::noinline]] bool split_token(Scalar::Kind kind, std::string_view last, boost::system::error_code& ec) {
        bool const ok = scalar({kind, false, whole(last)}, ec);
        buffer_.clear();
        return ok;
    }

    bool fail(std::string expected, std::string found, boost::system::error_code& ec) {
        error = Error::decode(where(), std::move(expected), std::move(found));
        ec = boost::json::error::syntax;  // stops the parser; `error` says why
        return false;
    }

    [[gnu::always_inline]] bool scalar(Scalar const& s, boost::system::error_code& ec) {
        Frame* const top = top_;
        if (!top) [[unlikely]]
            return not_in_object(s, ec);
        top->element();
        if (top->scalar(s, why_)) [[likely]]
            return true;
        return refuse(s, ec);
    }

    // A frame refused scalar s: the error, with what it expected (why_).
    [[gnu::noinline, gnu::cold]] bool refuse(Scalar const& s, boost::system::error_code& ec) {
        failed_text_.assign(s.text);
        return fail(std::move(why_), describe_found(s), ec);
    }

    // A scalar as the whole document.
    [[gnu::noinline, gnu::cold]] bool not_in_object(Scalar const& s, boost::system::error_code& ec) {
        failed_text_.assign(s.text);
        return fail("a JSON object", describe_found(s), ec);
    }

    bool open(bool is_object, boost::system::error_code& ec) {
        if (skip_depth_ > 0) {
            ++skip_depth_;
            return true;
        }
        if (stack_.empty()) {
            if (!is_object) return fail("a JSON object", "an array", ec);
            stack_.push_back(root_);
            top_ = root_;
            return true;
        }
        stack_.back()->element();
        std::string expected;
        Frame* child = stack_.back()->open(is_object, expected);
        if (!expected.empty()) return fail(std::move(expected), is_object ? "an object" : "an array", ec);
        if (child) {
            stack_.push_back(child);
            top_ = child;
        } else {
            skip_depth_ = 1;
        }
        return true;
    }

    bool close() {
        if (skip_depth_ > 0) {
            --skip_depth_;
        } else if (!stack_.empty()) {
            stack_.back()->close();
            stack_.pop_back();
            top_ = stack_.empty() ? nullptr : stack_.back();
        }
        return true;
    }

    Frame* root_;
    std::string root_name_;
    std::vector<Frame*> stack_;
    Frame* top_ = nullptr;  // stack_.back(), or nullptr when the stack is empty
    std::string buffer_;
    std::string failed_text_;  // the whole value an error names
    std::string why_;          // what a frame expected, after a scalar it refused
    int skip_depth_ = 0;
};

/// The document fed in pieces of any size: the same events, and the same
/// decode errors, as when it arrives whole. write() takes the next piece and
/// says whether decoding can go on; finish() says how the document ended.
/// Byte positions in errors count from the start of the document. A syntax
/// error inside a literal, an escape or a UTF-8 sequence that a piece cuts
/// may be placed, or worded, otherwise than in the whole document (that is
/// basic_parser's; PageDecoder decodes its copy whole instead).
class ChunkedParser {
public:
    ChunkedParser(Frame* root, std::string root_name) : parser_(parse_options(), root, std::move(root_name)) {}
    ChunkedParser(ChunkedParser const&) = delete;
    ChunkedParser& operator=(ChunkedParser const&) = delete;

    /// False once the document is known to be wrong (later pieces are ignored).
    bool write(char const* data, std::size_t size) {
        if (error_) return false;
        if (size == 0) return true;
        // A UTF-8 sequence cut by the end of the previous piece is completed
        // first and given to the parser whole: basic_parser validates a
        // sequence split across writes too, but reports an invalid one at a
        // later byte than when it comes in one piece.
        if (held_size_ > 0) {
            std::size_t const take = std::min(size, sequence_length(held_[0]) - held_size_);
            std::memcpy(held_ + held_size_, data, take);
            held_size_ += take;
            data += take;
            size -= take;
            if (held_size_ < sequence_length(held_[0])) return true;  // still cut
            std::size_t const n = held_size_;
            held_size_ = 0;
            if (!feed(held_, n)) return false;
        }
        std::size_t const keep = cut_sequence(data, size);
        if (!feed(data, size - keep)) return false;
        std::memcpy(held_, data + size - keep, keep);
        held_size_ = keep;
        return true;
    }
    bool write(std::string_view piece) { return write(piece.data(), piece.size()); }

    /// No more pieces: the first error, or nullopt for one complete document.
    std::optional<Error> finish() {
        if (held_size_ > 0) {
            std::size_t const n = held_size_;
            held_size_ = 0;
            feed(held_, n);
        }
        if (error_ || ended_) return error_;
        boost::system::error_code ec;
        char const none = 0;
        auto const used = parser_.write_some(false, &none, 0, ec);
        if (parser_.handler().error) {
            error_ = parser_.handler().error;
        } else if (ec) {
            std::string found = ec == boost::json::error::incomplete
                                    ? "a document cut off after " + std::to_string(consumed_) + " bytes"
                                    : ec.message() + " at byte " + std::to_string(consumed_ + used);
            error_ = Error::decode(parser_.handler().where(), "valid JSON", std::move(found));
        }
        ended_ = true;
        return error_;
    }

    std::optional<Error> const& error() const noexcept { return error_; }
    DecodeHandler const& handler() const noexcept { return parser_.handler(); }
    DecodeHandler& handler() noexcept { return parser_.handler(); }
    /// Bytes written so far.
    std::size_t size() const noexcept { return consumed_ + held_size_; }

private:
    /// Bytes of the UTF-8 sequence that `lead` starts (1 for anything else).
    static std::size_t sequence_length(char lead) noexcept {
        auto const b = static_cast<unsigned char>(lead);
        return b >= 0xF0 && b <= 0xF7 ? 4 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xC0 && b <= 0xDF ? 2 : 1;
    }
    /// How many bytes at the end of the piece are a UTF-8 sequence it cuts
    /// (0..3). None when the sequence before that one is itself missing
    /// bytes: the cut one's lead byte breaks it, and basic_parser places that
    /// error where it lies only when it sees the two together.
    static std::size_t cut_sequence(char const* data, std::size_t size) noexcept {
        // Whether the last lead byte in the 3 bytes before `end` (`back`
        // bytes before it) starts a sequence that needs bytes from `end` on.
        auto const open_sequence = [data](std::size_t end, std::size_t& back) {
            for (back = 1; back <= 3 && back <= end; ++back) {
                auto const b = static_cast<unsigned char>(data[end - back]);
                if (b >= 0x80 && b <= 0xBF) continue;  // a continuation byte: look further back
                return sequence_length(data[end - back]) > back;
            }
            return false;
        };
        std::size_t back = 0, before = 0;
        if (!open_sequence(size, back)) return 0;
        return open_sequence(size - back, before) ? 0 : back;
    }

    bool feed(char const* data, std::size_t size) {
        if (size == 0) return true;
        std::size_t used = 0;
        if (!ended_) {
            boost::system::error_code ec;
            used = parser_.write_some(true, data, size, ec);
            if (parser_.handler().error) {
                error_ = parser_.handler().error;
                return false;
            }
            if (ec) {
                error_ = Error::decode(parser_.handler().where(), "valid JSON",
                                       ec.message() + " at byte " + std::to_string(consumed_ + used));
                return false;
            }
            // write_some stops where the document ends; only whitespace may follow.
            ended_ = used < size;
        }
        for (auto i = used; i < size; ++i) {
            char const c = data[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                error_ = Error::decode(parser_.handler().where(), "one JSON document",
                                       "extra data at byte " + std::to_string(consumed_ + i));
                return false;
            }
        }
        consumed_ += size;
        return true;
    }

    static boost::json::parse_options parse_options() {
        boost::json::parse_options options;
        options.max_depth = 64;
        return options;
    }

    boost::json::basic_parser<DecodeHandler> parser_;
    std::size_t consumed_ = 0;
    bool ended_ = false;  // the document is complete: only whitespace may follow
    std::optional<Error> error_;
    char held_[4] = {};  // the start of a UTF-8 sequence cut by the end of a piece
    std::size_t held_size_ = 0;
};

/// decode_json, and after a failure whether the value the error names, or a
/// key on its path, holds one of `needles`. The decoded text is searched
/// (escapes resolved), so a secret a server echoed with an escape in it is
/// found too; the error itself quotes at most 64 bytes, which could cut it.
template <model T>
Result<T> decode_json_watching(std::string_view body, std::span<std::string_view const> needles,
                               bool& value_holds, bool& path_holds) {
    T out{};
    ModelFrame<T> root;
    root.reset(&out);
    ChunkedParser parser(&root, std::string(model_traits<T>::name));
    parser.write(body);
    if (auto error = parser.finish()) {
        for (std::string_view needle : needles) {
            value_holds = value_holds || parser.handler().value_mentions(needle);
            path_holds = path_holds || parser.handler().keys_mention(needle);
        }
        return *error;
    }
    return out;
}

}  // namespace detail

// Declared in core/decode.hpp.
template <model T>
Result<T> decode_json(std::string_view body) {
    bool value_holds = false, path_holds = false;
    return detail::decode_json_watching<T>(body, {}, value_holds, path_holds);
}

/// How a PageDecoder reads the bytes it is given.
///  - fast_first (the default, and what the client's listings use): keeps a
///    copy of the document, up to PageDecoder::max_kept bytes, and scans it
///    with a scanner made for what servers send, leaving anything else to
///    basic_parser. Faster than basic_parser alone (bench/README.md).
///  - basic_parser_only: Boost.JSON's basic_parser decodes each piece as it
///    comes and keeps no copy, which saves up to max_kept bytes per decoder
///    at some speed. It is also the reference the tests and fuzzers hold
///    the scanner to: both give the same page or the same error.
enum class PageTokenizer : std::uint8_t { fast_first, basic_parser_only };

/// Decodes a page that arrives in pieces (e.g. as an HTTP body is read):
///
///   PageDecoder<UsageRecord> decoder("usage_records");
///   while (...) decoder.write(piece);   // false: the page is wrong already
///   Result<Page<UsageRecord>> page = decoder.finish();
///
/// finish() gives exactly what decode_page() gives for the bytes written, in
/// whatever pieces they came: the same page, or the same error (field path,
/// byte positions, trailing data, depth limit). A caller may stop writing
/// once write() says false; the page then fails, whatever followed.
///
/// How: the decoder keeps a copy of the document (up to max_kept bytes) and
/// scans it with detail::FastScan, which decides the documents servers send.
/// At anything the scanner leaves to basic_parser (every malformed document
/// among them), basic_parser decodes the pieces from the first byte on, to
/// say early whether the document is wrong, and finish() decodes the copy
/// in one piece: basic_parser words some syntax errors, and places them, by
/// where a piece ended (inside a literal, an escape or a UTF-8 sequence).
/// Past max_kept bytes no copy is kept and basic_parser decodes the pieces
/// alone: the same page or the same decode error still follows, but a
/// syntax error may then be placed or worded as the pieces make it.
template <model T>
class PageDecoder {
public:
    /// Bytes of the document kept (a page of 1000 usage records is about
    /// 530 KB). Below 1,000,000 object members of 5 bytes, so that the
    /// scanner never meets a limit of basic_parser's.
    static constexpr std::size_t max_kept = 4 * 1024 * 1024;

    /// `recycled`: the items of an earlier page, which it takes and decodes
    /// into: their storage is reused (the strings keep their capacity), and
    /// the page comes out exactly as from a fresh decoder. Saves an
    /// allocation per string field of each item when pages are read one
    /// after another. `buffer`: storage for the copy of the document, whose
    /// capacity is reused (take_buffer() gives it back for the next page).
    /// `tokenizer`: see PageTokenizer.
    explicit PageDecoder(std::string_view list_key, std::vector<T> recycled = {}, std::string buffer = {},
                         PageTokenizer tokenizer = PageTokenizer::fast_first)
        : list_key_(list_key),
          fast_(tokenizer == PageTokenizer::fast_first),
          kept_whole_(fast_),
          kept_(std::move(buffer)) {
        kept_.clear();
        page_.items = std::move(recycled);
        start();
    }
    PageDecoder(PageDecoder const&) = delete;
    PageDecoder& operator=(PageDecoder const&) = delete;

    /// The next piece of the body. False once the document is known to be
    /// wrong: finish() then fails, whatever follows.
    bool write(std::string_view piece) { return write(piece.data(), piece.size()); }
    bool write(char const* data, std::size_t size) {
        if (fast_ && step_ == detail::FastScan::Step::refused) return false;
        if (kept_whole_ && size > max_kept - kept_.size()) {
            // Too long to keep: basic_parser decodes it as it comes.
            kept_whole_ = false;
            if (fast_ && !stream_to_basic_parser()) return false;
            kept_ = std::string();
            return parser_->write(data, size);
        }
        if (kept_whole_) kept_.append(data, size);
        if (!fast_) return parser_->write(data, size);
        step_ = scan_.scan(kept_, parser_->handler());
        if (step_ == detail::FastScan::Step::unsure) return stream_to_basic_parser();
        return step_ != detail::FastScan::Step::refused;
    }

    /// The body is complete: the page, or why it is not one.
    Result<Page<T>> finish() {
        if (fast_ && step_ == detail::FastScan::Step::refused) return *parser_->handler().error;
        // The scanner decided the document unless it has not seen it end
        // (cut off, or empty); whatever it did not decide, basic_parser
        // decides from the whole copy.
        if (!fast_ || step_ == detail::FastScan::Step::more) {
            if (kept_whole_) {
                fast_ = false;
                start();
                parser_->write(kept_.data(), kept_.size());
            }
            if (auto error = parser_->finish()) return *error;
        }
        if (!root_->seen_list())
            return Error::decode("page." + list_key_, "a list of " + std::string(model_traits<T>::name),
                                 "no such key");
        return std::move(page_);
    }

    /// A whole document, decoded where it lies: what write() and finish()
    /// give for it, without the copy write() keeps (decode_page).
    static Result<Page<T>> decode_whole(std::string_view document, std::string_view list_key) {
        PageDecoder decoder(list_key);
        if (document.size() <= max_kept) {
            decoder.step_ = decoder.scan_.scan(document, decoder.parser_->handler());
            if (decoder.step_ == detail::FastScan::Step::done || decoder.step_ == detail::FastScan::Step::refused)
                return decoder.finish();
            decoder.start();
        }
        decoder.fast_ = false;
        decoder.kept_whole_ = false;
        decoder.parser_->write(document.data(), document.size());
        return decoder.finish();
    }

    /// The items decoded or recycled so far, to recycle once more (after a
    /// failed attempt); the decoder is done with.
    std::vector<T> take_items() && { return std::move(page_.items); }

    /// The storage of the copy of the document, emptied, to pass to the
    /// next decoder; the decoder is done with.
    std::string take_buffer() && {
        kept_.clear();
        return std::move(kept_);
    }

    /// The tokenizer that decodes now: fast_first until the document is
    /// left to basic_parser (for tests).
    PageTokenizer tokenizer() const noexcept {
        return fast_ ? PageTokenizer::fast_first : PageTokenizer::basic_parser_only;
    }

    /// Bytes written so far.
    std::size_t size() const noexcept { return kept_whole_ ? kept_.size() : parser_->size(); }

    /// After finish() gave an error: whether the whole value it names holds
    /// `text` (an error quotes at most 64 bytes of it), and whether a key on
    /// its path does (a path quotes at most 64 bytes of each key). A caller
    /// that keeps no copy of the body uses these to withhold what an error
    /// would otherwise quote of a secret.
    bool error_value_holds(std::string_view text) const { return parser_->handler().value_mentions(text); }
    bool error_path_holds(std::string_view text) const { return parser_->handler().keys_mention(text); }

private:
    // A fresh root frame and parser over page_ (whose items, if any, are
    // decoded over as recycled ones).
    void start() {
        page_.info = {};
        root_.emplace(&page_, list_key_);
        parser_.emplace(&*root_, "page");
    }

    // Leaves the document to basic_parser: it decodes the copy so far again,
    // from the first byte, and the pieces that follow.
    bool stream_to_basic_parser() {
        fast_ = false;
        start();
        return parser_->write(kept_.data(), kept_.size());
    }

    std::string list_key_;
    Page<T> page_;
    std::optional<detail::PageFrame<T>> root_;
    std::optional<detail::ChunkedParser> parser_;  // its handler takes the scanner's events too
    bool fast_;        // the scanner decodes; basic_parser has not started
    bool kept_whole_;  // kept_ holds every byte written
    detail::FastScan scan_;
    detail::FastScan::Step step_ = detail::FastScan::Step::more;
    std::string kept_;  // the document so far, while kept_whole_
};

// Declared in core/decode.hpp.
template <model T>
Result<Page<T>> decode_page(std::string_view body, std::string_view list_key) {
    return PageDecoder<T>::decode_whole(body, list_key);
}

}  // namespace twilio_usage
