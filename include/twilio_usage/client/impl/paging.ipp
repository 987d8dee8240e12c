// The definitions of client/paging.hpp that fetch and decode pages, and the
// body sink that decodes them (see config.hpp for when this is included).
#pragma once

#include "twilio_usage/client/executor.hpp"
#include "twilio_usage/client/paging.hpp"
#include "twilio_usage/core/json_decode.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace twilio_usage::detail {

/// A page decoded as its body arrives (Executor::execute_to): the decoder of
/// the current attempt, which keeps a copy of the body only while it reads
/// it, in `buffer_` (see PageDecoder). The items of an earlier page, if
/// given, are decoded into, by each attempt in turn.
template <model T>
class PageTarget final : public StreamTarget {
public:
    PageTarget(std::string_view list_key, std::vector<T> recycled, std::string buffer)
        : list_key_(list_key), recycled_(std::move(recycled)), buffer_(std::move(buffer)) {}

    void restart() override {
        if (decoder_) take_back();
        decoder_.emplace(list_key_, std::move(recycled_), std::move(buffer_));
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
            take_back();
            decoder_.reset();
            return ex.decode_failure(page.error(), in_value, in_path);
        }
        take_back();
        decoder_.reset();
        return page;
    }

    /// The buffer, for the next page.
    std::string take_buffer() && {
        if (decoder_) take_back();
        return std::move(buffer_);
    }

private:
    void take_back() {
        buffer_ = std::move(*decoder_).take_buffer();
        recycled_ = std::move(*decoder_).take_items();
    }

    std::string list_key_;
    std::vector<T> recycled_;
    std::string buffer_;
    std::optional<PageDecoder<T>> decoder_;
    bool accepted_ = false;
};

template <model T>
Result<Page<T>> fetch_page(Executor const& ex, std::string_view uri, std::string_view list_key,
                           std::vector<T> recycled, std::string* buffer) {
    PageTarget<T> target(list_key, std::move(recycled), buffer ? std::move(*buffer) : std::string());
    auto response = ex.execute_to(uri, target);
    auto page = response ? target.finish(ex, *response) : Result<Page<T>>(response.error());
    if (buffer) *buffer = std::move(target).take_buffer();
    return page;
}

template <model T>
Pager<T>::Pager(ListingSource const& source) : executor_(source.executor), list_key_(source.list_key),
                                              remaining_(source.limit), first_skip_(source.skip) {
    if (source.first_uri) next_uri_ = *source.first_uri;
    else pending_error_ = source.first_uri.error();
}

template <model T>
std::optional<ResumePoint> Pager<T>::resume_after(std::size_t consumed) const {
    if (!page_uri_) {
        if (!next_uri_) return std::nullopt;
        return ResumePoint{*next_uri_, first_skip_};
    }
    std::size_t const read = page_offset_ + consumed;
    if (read < page_total_) return ResumePoint{*page_uri_, read};
    if (page_next_) return ResumePoint{*page_next_, 0};
    return std::nullopt;
}

template <model T>
std::optional<Result<Page<T>>> Pager<T>::next_page(std::vector<T> recycled) {
    if (done_) return std::nullopt;
    if (pending_error_) {
        done_ = true;
        return Result<Page<T>>(std::move(*pending_error_));
    }
    if (!next_uri_ || (remaining_ && *remaining_ == 0)) {
        done_ = true;
        return std::nullopt;
    }
    auto page = fetch_page<T>(*executor_, *next_uri_, list_key_, std::move(recycled), &buffer_);
    ++pages_fetched_;
    if (!page) {
        done_ = true;
        return Result<Page<T>>(page.error());
    }
    auto const& next = page->info.next_page_uri;
    bool const has_next = next && !next->empty();
    // What this page is, for resume_after(): the first page of a resumed
    // listing starts after the items read before.
    page_uri_ = *next_uri_;
    page_total_ = page->items.size();
    page_offset_ = pages_fetched_ == 1 ? std::min(first_skip_, page_total_) : 0;
    page_next_ = has_next ? next : std::nullopt;
    if (page_offset_ > 0)
        page->items.erase(page->items.begin(), page->items.begin() + static_cast<std::ptrdiff_t>(page_offset_));
    auto finish = [&] {
        returned_ = page->items.size();
        page->resume = resume_after(returned_);
        return Result<Page<T>>(std::move(*page));
    };
    if (remaining_ && page->items.size() >= *remaining_) {
        // The limit ends the listing on this page: no next request, and so
        // no loop to report. resume_after() tells where the rest begins.
        page->items.resize(*remaining_);
        *remaining_ = 0;
        next_uri_.reset();
        return finish();
    }
    if (remaining_) *remaining_ -= page->items.size();
    // A page read before would loop forever (or repeat items): report it
    // after this page. Pages are compared by the URL they resolve to (a
    // path and the same page as an absolute URL are one page); hashes
    // keep this at 8 bytes per page read.
    visited_.insert(page_key(*next_uri_));
    if (has_next && visited_.count(page_key(*next))) {
        pending_error_ = Error::decode("page.next_page_uri", "the URI of the next page",
                                       "the URI of a page already read (the listing would loop)");
        next_uri_.reset();
        page_next_.reset();
    } else if (has_next) {
        next_uri_ = *next;
    } else {
        next_uri_.reset();
    }
    return finish();
}

template <model T>
std::size_t Pager<T>::page_key(std::string const& uri) const {
    auto url = executor_->resolve(uri);
    return std::hash<std::string>{}(url ? *url : uri);
}

template <model T>
void ItemCursor<T>::load_from(std::size_t index) {
    index_ = index;
    while (index_ >= page_.items.size()) {
        // One page at a time: the old one's items are decoded over (their
        // strings reused), the rest of it is dropped before fetching.
        std::vector<T> recycled = std::move(page_.items);
        page_ = Page<T>{};
        index_ = 0;
        auto next = pager_.next_page(std::move(recycled));
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

}  // namespace twilio_usage::detail
