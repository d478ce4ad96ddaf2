// Everything main() does: identity, command line, logging, language, engine bridge, window.
#pragma once

namespace agora::app {

int runApplication(int argc, char* argv[]);

} // namespace agora::app
