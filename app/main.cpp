// Agora: private chat with local language models. All start-up work is in startup/.
#include "startup/application.h"

int main(int argc, char* argv[])
{
    return agora::app::runApplication(argc, argv);
}
