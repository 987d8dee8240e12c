// Lazy paged listings. A Listing<T> fetches its first page when iteration
// begins and each next page only when iteration reaches it, following
// next_page_uri exactly as the server gave it. It holds one page at a time,
// and decodes each page over the previous page's items (their strings keep
// their capacity), so that a long listing allocates little after its first page.
//
// Three ways to iterate share one implementation (Pager, then ItemCursor):
//   for (T const& x : listing)               // throws Exception on a failure
//   for (Result<T> const& x : listing.results())  // a failure is the last element
//   for (Result<Page<T>> const& p : listing.pages())
// None ends early without saying why, and none yields part of a page that
// failed to decode: a page is decoded whole or not at all.
//
// Resuming follows one rule on every path: a ResumePoint names the page to
// read next and how many of its first items were read already, so a
// listing resumed from it (records().resume(point)) gives exactly the items
// not yet read. Listing::resume_point() is the point after the item being
// iterated; Page::resume, the point after the page as returned (after the
// items a limit trimmed off, those items included in what is left).
#pragma once

#include "twilio_usage/client/executor.hpp"
#include "twilio_usage/core/resume_point.hpp"
#include "twilio_usage/config.hpp"
#include "twilio_usage/core/decode.hpp"
#include "twilio_usage/core/page.hpp"
#include "twilio_usage/generated/models.hpp"

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

/// GET one page and decode it as it arrives: a page is returned only when its
/// whole body has come and decoded; anything else is an Error and no page.
/// `recycled`: the items of a page read before, decoded over (PageDecoder).
/// `buffer`, if given: storage for the decoder's copy of the body, reused
/// from page to page (a page's worth of bytes allocated once per listing).
/// (Defined in client/impl/paging.ipp.)
template <model T>
Result<Page<T>> fetch_page(Executor const& ex, std::string_view uri, std::string_view list_key,
                           std::vector<T> recycled = {}, std::string* buffer = nullptr);

/// Where a listing starts, and how much of it to read.
struct ListingSource {
    std::shared_ptr<Executor const> executor;
    Result<std::string> first_uri;  // or the error that stops it before anything is sent
    std::string list_key;
    std::optional<std::size_t> limit;
    std::size_t skip = 0;  // items of the first page already read (a resumed listing)
};

/// Yields the pages of a listing one by one: each page (trimmed so that the
/// items do not exceed the limit), then nothing; or an error, then nothing.
template <model T>
class Pager {
public:
    explicit Pager(ListingSource const& source);

    /// `recycled`: the items of the page before, which the caller is done
    /// with, to decode the next one over.
    std::optional<Result<Page<T>>> next_page(std::vector<T> recycled = {});

    /// Where to resume after the first `consumed` items of the page last
    /// returned (before any page: where the listing starts); nullopt when
    /// nothing is left.
    std::optional<ResumePoint> resume_after(std::size_t consumed) const;
    /// How many items the page last returned held.
    std::size_t returned() const noexcept { return returned_; }
    std::size_t pages_fetched() const noexcept { return pages_fetched_; }

private:
    std::size_t page_key(std::string const& uri) const;

    std::shared_ptr<Executor const> executor_;
    std::string list_key_;
    std::optional<std::size_t> remaining_;
    std::size_t first_skip_ = 0;
    std::optional<std::string> next_uri_;  // the next request
    // The page last returned: its URI, how many of its items came before
    // those returned (a resumed skip), how many the server sent, its link.
    std::optional<std::string> page_uri_;
    std::size_t page_offset_ = 0;
    std::size_t page_total_ = 0;
    std::size_t returned_ = 0;
    std::optional<std::string> page_next_;
    std::optional<Error> pending_error_;
    bool done_ = false;
    std::size_t pages_fetched_ = 0;
    std::unordered_set<std::size_t> visited_;
    std::string buffer_;  // the decoders' copy of each body, one page after another
};

/// The item-by-item view of a Pager: the current page and a position in it.
template <model T>
class ItemCursor {
public:
    explicit ItemCursor(ListingSource const& source) : pager_(source) {}

    /// Loads the first non-empty page.
    void start() {
        started_ = true;
        load_from(0);
    }
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
    /// After the current item (before start(): where the listing starts).
    std::optional<ResumePoint> resume_point() const {
        if (!started_) return pager_.resume_after(0);
        if (at_end_ || error_ || index_ >= page_.items.size()) return pager_.resume_after(pager_.returned());
        return pager_.resume_after(index_ + 1);
    }

private:
    void load_from(std::size_t index);

    Pager<T> pager_;
    Page<T> page_;
    std::size_t index_ = 0;
    bool started_ = false;
    bool at_end_ = false;
    std::optional<Error> error_;
};

// The instances src.hpp compiles (`prefix` is `extern` for the declarations).
#define TWILIO_USAGE_PAGING_INSTANCES(prefix)                                                                       \
    prefix template Result<Page<UsageRecord>> fetch_page<UsageRecord>(Executor const&, std::string_view,           \
                                                                      std::string_view, std::vector<UsageRecord>,    \
                                                                      std::string*); \
    prefix template Result<Page<UsageTrigger>> fetch_page<UsageTrigger>(Executor const&, std::string_view,         \
                                                                        std::string_view, std::vector<UsageTrigger>,  \
                                                                        std::string*); \
    prefix template class Pager<UsageRecord>;                                                                      \
    prefix template class Pager<UsageTrigger>;                                                                     \
    prefix template class ItemCursor<UsageRecord>;                                                                 \
    prefix template class ItemCursor<UsageTrigger>;

#ifdef TWILIO_USAGE_SEPARATE_COMPILATION
TWILIO_USAGE_PAGING_INSTANCES(extern)
#endif

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
            // One page at a time: the old page's items are decoded over.
            std::vector<T> recycled;
            if (range_->current_ && *range_->current_) recycled = std::move((*range_->current_)->items);
            range_->current_.reset();
            range_->current_ = range_->pager_->next_page(std::move(recycled));
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

    /// Only the first page (trimmed to the limit, if any). Continue from its
    /// `resume`, not from `info.next_page_uri` (the server's link, which is
    /// past any items the limit trimmed off).
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
    /// Where to resume (records().resume(point), in this process or another):
    /// after the item being iterated, or after the last one once iteration
    /// ended, nullopt when nothing is left. Before begin(), where the listing
    /// starts. Resuming gives exactly the items not yet read, none twice.
    std::optional<ResumePoint> resume_point() const {
        if (!cursor_) return detail::Pager<T>(source_).resume_after(0);
        return cursor_->resume_point();
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

#ifndef TWILIO_USAGE_SEPARATE_COMPILATION
#include "twilio_usage/client/impl/paging.ipp"
#endif
