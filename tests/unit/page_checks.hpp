// Checks shared by the decoder's tests: an independent whole-body decode on
// basic_parser alone (the reference), a PageDecoder fed in given pieces, and
// the comparison of two results (the same page, or the same error: kind,
// field path, message, byte positions).
#pragma once

#include "twilio_usage/types.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace test_support {

using namespace twilio_usage;

// decode_page as it was before PageDecoder: the whole body in one write_some(false).
template <model T>
Result<Page<T>> reference_decode(std::string_view body, std::string_view list_key) {
    Page<T> out;
    detail::PageFrame<T> root(&out, list_key);
    boost::json::parse_options options;
    options.max_depth = 64;
    boost::json::basic_parser<detail::DecodeHandler> parser(options, &root, std::string("page"));
    boost::system::error_code ec;
    auto const used = parser.write_some(false, body.data(), body.size(), ec);
    if (parser.handler().error) return *parser.handler().error;
    if (ec) {
        std::string found = ec == boost::json::error::incomplete
                                ? "a document cut off after " + std::to_string(body.size()) + " bytes"
                                : ec.message() + " at byte " + std::to_string(used);
        return Error::decode(parser.handler().where(), "valid JSON", std::move(found));
    }
    for (auto i = used; i < body.size(); ++i) {
        char const c = body[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return Error::decode(parser.handler().where(), "one JSON document",
                                 "extra data at byte " + std::to_string(i));
    }
    if (!root.seen_list())
        return Error::decode("page." + std::string(list_key), "a list of " + std::string(model_traits<T>::name),
                             "no such key");
    return out;
}

template <model T>
void same(Result<Page<T>> const& got, Result<Page<T>> const& want) {
    REQUIRE(got.has_value() == want.has_value());
    if (want) {
        CHECK(got->info == want->info);
        REQUIRE(got->items.size() == want->items.size());
        for (std::size_t i = 0; i < want->items.size(); ++i) CHECK(got->items[i] == want->items[i]);
    } else {
        CHECK(got.error().kind == want.error().kind);
        CHECK(got.error().field == want.error().field);
        CHECK(got.error().message == want.error().message);
        CHECK(got.error().found == want.error().found);
    }
}

// The body written in pieces of the given sizes (then the rest, if any), as
// PageTarget writes a body: every piece, even after write() said false. Also
// checks what a caller that stops at the first false gets: an error, and
// exactly the reference's for the bytes it wrote.
template <model T>
Result<Page<T>> decode_in_pieces(std::string_view body, std::string_view list_key,
                                 std::vector<std::size_t> const& sizes, PageTokenizer* used = nullptr) {
    PageDecoder<T> decoder(list_key);
    PageDecoder<T> stopping(list_key);
    std::size_t pos = 0;
    std::size_t stopped_at = body.size();  // bytes the stopping caller wrote
    auto const write = [&](std::size_t n) {
        std::string_view const piece = body.substr(pos, n);
        bool const ok = decoder.write(piece);
        if (stopped_at == body.size() && !stopping.write(piece)) stopped_at = pos + n;
        if (stopped_at < pos) CHECK_FALSE(ok);  // once false, false for good
        pos += n;
    };
    for (std::size_t n : sizes) write(std::min(n, body.size() - pos));
    if (pos < body.size()) write(body.size() - pos);
    auto page = decoder.finish();
    if (used) *used = decoder.tokenizer();  // the tokenizer that decided
    auto const early = stopping.finish();
    if (stopped_at < body.size()) {
        CHECK_FALSE(early.has_value());
        CHECK_FALSE(page.has_value());
        same(early, reference_decode<T>(body.substr(0, stopped_at), list_key));
    }
    return page;
}

// Every fixed piece size 1..max, then `random_splits` random splits.
template <model T>
void check_every_split(std::string const& body, std::string_view list_key, std::size_t max_piece,
                       int random_splits, unsigned seed = 1) {
    CAPTURE(body.substr(0, 200));
    auto const want = reference_decode<T>(body, list_key);
    same(decode_page<T>(body, list_key), want);
    for (std::size_t piece = 1; piece <= std::max<std::size_t>(1, std::min(max_piece, body.size())); ++piece) {
        CAPTURE(piece);
        same(decode_in_pieces<T>(body, list_key, std::vector<std::size_t>(body.size() / piece + 1, piece)), want);
    }
    std::mt19937 rng(seed);
    for (int round = 0; round < random_splits; ++round) {
        std::vector<std::size_t> sizes;
        std::size_t left = body.size();
        while (left > 0) {
            // Mostly short pieces, sometimes empty ones, sometimes long ones.
            std::size_t n = rng() % 4 == 0 ? rng() % (left + 1) : rng() % 9;
            sizes.push_back(n);
            left -= std::min(n, left);
        }
        CAPTURE(round);
        same(decode_in_pieces<T>(body, list_key, sizes), want);
    }
}

}  // namespace test_support
