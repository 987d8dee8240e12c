// Lazy paged listings. A Listing<T> fetches its first page when iteration
// begins and each next page only when iteration reaches it, following
// next_page_uri exactly as the server gave it. It holds one page at a time.
//
// Three ways to iterate share one implementation (Pager, then ItemCursor):
//   for (T const& x : listing)               // throws Exception on a failure
//   for (Result<T> const& x : listing.results())  // a failure is the last element
//   for (Result<Page<T>> const& p : listing.pages())
// None ends early without saying why, and none yields part of a page that
// failed to decode: a page is decoded whole or not at all.
#pragma once

#include "twilio_usage/client/executor.hpp"
#include "twilio_usage/core/json_decode.hpp"

#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace twilio_usage {

namespace detail {

/// A page decoded as its body arrives (Executor::execute_to): the decoder of
/// the current attempt; no copy of the body is kept.
template <model T>
class PageTarget final : public StreamTarget {
public:
    explicit PageTarget(std::string_view list_key) : list_key_(list_key) {}

    void restart() override {
        decoder_.reset();
        decoder_.emplace(list_key_);
        accepted_ = false;
    }
    bool accept(int status, HttpHeaders const&) override {
        accepted_ = status >= 200 && status < 300;
        return accepted_;
    }
    bool write(char const* data, std::size_t size) override {
        if (!decoder_) restart();
        // Once the page is known to be wrong, the rest of the body is still
        // read (and dropped): a body that then breaks a limit, is cut off
        // or times out fails as it does when it is read whole, and the
        // connection stays usable.
        decoder_->write(data, size);
        return true;
    }

    /// The page, once the exchange is over. `response` is what the transport
    /// returned: a transport that never called accept() left the body there.
    Result<Page<T>> finish(Executor const& ex, HttpResponse& response) {
        if (!decoder_) restart();
        if (!accepted_ && !response.body.empty()) write(response.body.data(), response.body.size());
        auto page = decoder_->finish();
        if (!page) {
            bool in_value = false, in_path = false;
            for (auto secret : ex.secrets()) {
                in_value = in_value || decoder_->error_value_holds(secret);
                in_path = in_path || decoder_->error_path_holds(secret);
            }
            decoder_.reset();
            return ex.stream_decode_failure(page.error(), in_value, in_path);
        }
        decoder_.reset();
        return page;
    }

private:
    std::string list_key_;
    std::optional<PageDecoder<T>> decoder_;
    bool accepted_ = false;
};

/// GET one page and decode it as it arrives: a page is returned only when its
/// whole body has come and decoded; anything else is an Error and no page.
template <model T>
Result<Page<T>> fetch_page(Executor const& ex, std::string_view uri, std::string_view list_key) {
    PageTarget<T> target(list_key);
    auto response = ex.execute_to(uri, target);
    if (!response) return response.error();
    return target.finish(ex, *response);
}

/// Where a listing starts, and how much of it to read.
struct ListingSource {
    std::shared_ptr<Executor const> executor;
    Result<std::string> first_uri;  // or the error that stops it before anything is sent
    std::string list_key;
    std::optional<std::size_t> limit;
};

/// Yields the pages of a listing one by one: each page (trimmed so that the
/// items do not exceed the limit), then nothing; or an error, then nothing.
template <model T>
class Pager {
public:
    explicit Pager(ListingSource const& source) : executor_(source.executor), list_key_(source.list_key),
                                                  remaining_(source.limit) {
        if (source.first_uri) next_uri_ = *source.first_uri;
        else pending_error_ = source.first_uri.error();
    }

    std::optional<Result<Page<T>>> next_page() {
        if (done_) return std::nullopt;
        if (pending_error_) {
            done_ = true;
            return Result<Page<T>>(std::move(*pending_error_));
        }
        if (!next_uri_ || (remaining_ && *remaining_ == 0)) {
            done_ = true;
            return std::nullopt;
        }
        auto page = fetch_page<T>(*executor_, *next_uri_, list_key_);
        ++pages_fetched_;
        if (!page) {
            done_ = true;
            return Result<Page<T>>(page.error());
        }
        auto const& next = page->info.next_page_uri;
        // A page read before would loop forever (or repeat items): report it
        // after this page. Pages are compared by the URL they resolve to (a
        // path and the same page as an absolute URL are one page); hashes
        // keep this at 8 bytes per page read.
        visited_.insert(page_key(*next_uri_));
        if (next && !next->empty() && visited_.count(page_key(*next))) {
            pending_error_ = Error::decode("page.next_page_uri", "the URI of the next page",
                                           "the URI of a page already read (the listing would loop)");
            next_uri_.reset();
        } else if (next && !next->empty()) {
            next_uri_ = *next;
        } else {
            next_uri_.reset();
        }
        if (remaining_) {
            if (page->items.size() > *remaining_) page->items.resize(*remaining_);
            *remaining_ -= page->items.size();
        }
        return Result<Page<T>>(std::move(*page));
    }

    /// The URI the next page will be read from (to store and resume later).
    std::optional<std::string> const& next_uri() const noexcept { return next_uri_; }
    std::size_t pages_fetched() const noexcept { return pages_fetched_; }

private:
    std::size_t page_key(std::string const& uri) const {
        auto url = executor_->resolve(uri);
        return std::hash<std::string>{}(url ? *url : uri);
    }

    std::shared_ptr<Executor const> executor_;
    std::string list_key_;
    std::optional<std::size_t> remaining_;
    std::optional<std::string> next_uri_;
    std::optional<Error> pending_error_;
    bool done_ = false;
    std::size_t pages_fetched_ = 0;
    std::unordered_set<std::size_t> visited_;
};

/// The item-by-item view of a Pager: the current page and a position in it.
template <model T>
class ItemCursor {
public:
    explicit ItemCursor(ListingSource const& source) : pager_(source) {}

    /// Loads the first non-empty page.
    void start() { load_from(0); }
    /// Moves to the next item, fetching the next page when this one is used up.
    void advance() {
        if (at_end_ || error_) {
            at_end_ = true;
            error_.reset();
            return;
        }
        load_from(index_ + 1);
    }

    bool at_end() const noexcept { return at_end_; }
    std::optional<Error> const& error() const noexcept { return error_; }
    T const& current() const { return page_.items[index_]; }
    Page<T> const& page() const noexcept { return page_; }
    Pager<T> const& pager() const noexcept { return pager_; }

private:
    void load_from(std::size_t index) {
        index_ = index;
        while (index_ >= page_.items.size()) {
            page_ = Page<T>{};  // one page at a time: drop the old one before fetching
            index_ = 0;
            auto next = pager_.next_page();
            if (!next) {
                at_end_ = true;
                return;
            }
            if (!*next) {
                error_ = next->error();
                return;
            }
            page_ = std::move(**next);
        }
    }

    Pager<T> pager_;
    Page<T> page_;
    std::size_t index_ = 0;
    bool at_end_ = false;
    std::optional<Error> error_;
};

}  // namespace detail

/// Items of a listing; a failure throws Exception (from begin() or ++).
template <model T>
class ListingIterator {
public:
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using reference = T const&;
    using iterator_concept = std::input_iterator_tag;

    ListingIterator() = default;
    explicit ListingIterator(detail::ItemCursor<T>* cursor) : cursor_(cursor) { rethrow(); }

    T const& operator*() const { return cursor_->current(); }
    T const* operator->() const { return &cursor_->current(); }
    ListingIterator& operator++() {
        cursor_->advance();
        rethrow();
        return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(ListingIterator const& it, std::default_sentinel_t) noexcept {
        return !it.cursor_ || it.cursor_->at_end();
    }

private:
    void rethrow() {
        if (cursor_->error()) {
            Error e = *cursor_->error();
            cursor_->advance();  // the listing is over
            throw Exception(std::move(e));
        }
    }
    detail::ItemCursor<T>* cursor_ = nullptr;
};

/// Items of a listing as Result<T>; a failure is the last element.
template <model T>
class ResultIterator {
public:
    using value_type = Result<T>;
    using difference_type = std::ptrdiff_t;
    using reference = Result<T>;
    using iterator_concept = std::input_iterator_tag;

    ResultIterator() = default;
    explicit ResultIterator(detail::ItemCursor<T>* cursor) : cursor_(cursor) {}

    Result<T> operator*() const {
        if (cursor_->error()) return *cursor_->error();
        return cursor_->current();
    }
    ResultIterator& operator++() {
        cursor_->advance();
        return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(ResultIterator const& it, std::default_sentinel_t) noexcept {
        return !it.cursor_ || it.cursor_->at_end();
    }

private:
    detail::ItemCursor<T>* cursor_ = nullptr;
};

/// Range of Result<T> (see Listing::results()).
template <model T>
class ResultRange {
public:
    explicit ResultRange(detail::ListingSource source) : source_(std::move(source)) {}
    ResultIterator<T> begin() {
        cursor_ = std::make_unique<detail::ItemCursor<T>>(source_);
        cursor_->start();
        return ResultIterator<T>(cursor_.get());
    }
    std::default_sentinel_t end() const noexcept { return {}; }

private:
    detail::ListingSource source_;
    std::unique_ptr<detail::ItemCursor<T>> cursor_;
};

/// Pages of a listing as Result<Page<T>>; a failure is the last element.
template <model T>
class PageRange {
public:
    class iterator {
    public:
        using value_type = Result<Page<T>>;
        using difference_type = std::ptrdiff_t;
        using iterator_concept = std::input_iterator_tag;
        iterator() = default;
        explicit iterator(PageRange* range) : range_(range) {}
        Result<Page<T>> const& operator*() const { return *range_->current_; }
        Result<Page<T>> const* operator->() const { return &*range_->current_; }
        iterator& operator++() {
            range_->current_.reset();  // one page at a time
            range_->current_ = range_->pager_->next_page();
            return *this;
        }
        void operator++(int) { ++*this; }
        bool at_end() const noexcept { return !range_ || !range_->current_; }
        friend bool operator==(iterator const& it, std::default_sentinel_t) noexcept { return it.at_end(); }

    private:
        PageRange* range_ = nullptr;
    };

    explicit PageRange(detail::ListingSource source) : source_(std::move(source)) {}
    iterator begin() {
        pager_ = std::make_unique<detail::Pager<T>>(source_);
        current_ = pager_->next_page();
        return iterator(this);
    }
    std::default_sentinel_t end() const noexcept { return {}; }

private:
    detail::ListingSource source_;
    std::unique_ptr<detail::Pager<T>> pager_;
    std::optional<Result<Page<T>>> current_;
};

/// A lazy listing of records or triggers. An input range: each begin()
/// starts reading from the first page again.
template <model T>
class Listing {
public:
    explicit Listing(detail::ListingSource source) : source_(std::move(source)) {}
    Listing(Listing const& other) : source_(other.source_) {}
    Listing& operator=(Listing const& other) {
        source_ = other.source_;
        cursor_.reset();
        return *this;
    }
    Listing(Listing&&) noexcept = default;
    Listing& operator=(Listing&&) noexcept = default;

    /// At most `n` items in all (across pages). Independent of the query's
    /// page_size, which sets how many items each request returns.
    Listing limit(std::size_t n) const {
        Listing out(source_);
        out.source_.limit = n;
        return out;
    }

    /// Throwing iteration: Exception from begin() or ++ on a failure.
    ListingIterator<T> begin() {
        cursor_ = std::make_unique<detail::ItemCursor<T>>(source_);
        cursor_->start();
        return ListingIterator<T>(cursor_.get());
    }
    std::default_sentinel_t end() const noexcept { return {}; }

    /// Non-throwing iteration over Result<T>.
    ResultRange<T> results() const { return ResultRange<T>(source_); }
    /// Non-throwing iteration page by page.
    PageRange<T> pages() const { return PageRange<T>(source_); }

    /// Only the first page (trimmed to the limit, if any).
    Result<Page<T>> try_fetch_page() const {
        detail::Pager<T> pager(source_);
        auto page = pager.next_page();
        if (!page) return Page<T>{};
        return std::move(*page);
    }
    Page<T> fetch_page() const { return try_fetch_page().value(); }

    /// Every item (up to the limit) in one vector, or the first error.
    Result<std::vector<T>> try_collect() const {
        std::vector<T> out;
        for (auto const& page : pages()) {
            if (!page) return page.error();
            out.insert(out.end(), page->items.begin(), page->items.end());
        }
        return out;
    }
    std::vector<T> collect() const { return try_collect().value(); }

    /// The relative URI of the first page, or the error that stops this
    /// listing before anything is sent (an invalid query).
    Result<std::string> const& first_page_uri() const noexcept { return source_.first_uri; }
    /// While iterating: where the page after the current one is, for resuming.
    std::optional<std::string> next_page_uri() const {
        if (!cursor_) return std::nullopt;
        return cursor_->pager().next_uri();
    }
    /// While iterating: how many items are held in memory (one page at most).
    std::size_t buffered_items() const noexcept { return cursor_ ? cursor_->page().items.size() : 0; }
    /// While iterating: how many pages have been requested.
    std::size_t pages_fetched() const noexcept { return cursor_ ? cursor_->pager().pages_fetched() : 0; }

private:
    detail::ListingSource source_;
    std::unique_ptr<detail::ItemCursor<T>> cursor_;
};

}  // namespace twilio_usage
