// What the generated model structs are made of: their value types and the
// per-field wire table (model_traits) that decoding and encoding read.
#pragma once

#include "twilio_usage/core/param_types.hpp"

#include <cstdint>
#include <string_view>

namespace twilio_usage {

/// JSON types a field accepts on the wire, as a bit mask.
namespace wire {
inline constexpr std::uint8_t string = 1;
inline constexpr std::uint8_t number = 2;
inline constexpr std::uint8_t integer = 4;
inline constexpr std::uint8_t boolean = 8;
inline constexpr std::uint8_t object = 16;
}  // namespace wire

struct FieldInfo {
    std::string_view wire;  // JSON key (or form parameter name for the callback)
    ValueType type;
    std::uint8_t wire_types;
    bool nullable;
};

/// Specialised for each model in generated/models.hpp: name and fields[],
/// in the same order as the struct's BOOST_DESCRIBE_STRUCT members.
template <class T>
struct model_traits;

template <class T>
concept model = requires { model_traits<T>::fields; };

}  // namespace twilio_usage
