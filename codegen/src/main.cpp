// twilio-usage-codegen: reads spec/usage.yaml, validates it, and writes the
// generated headers. Nothing is written unless the whole spec is valid.
//
//   twilio-usage-codegen --spec spec/usage.yaml --out include/twilio_usage/generated [--check]
#include "cli.hpp"

#include <iostream>

int main(int argc, char** argv) {
    return codegen::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
