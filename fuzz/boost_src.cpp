// Boost.JSON and Boost.URL built from source with the fuzzer's
// instrumentation (instead of linking the distribution's libraries).
#include <boost/json/src.hpp>
#include <boost/url/src.hpp>
