// Device enumeration on the machine's Vulkan driver (lavapipe in CI), the default choice and the
// user's choice, and the clear NoDevice error when no driver exists at all.
#include "agora/engine.h"
#include "gpu_test_util.h"

#include <QtTest>

#include <cstdio>
#include <regex>

using namespace agora;

namespace {

const DeviceInfo* findLavapipe(const std::vector<DeviceInfo>& devices)
{
    for (const DeviceInfo& d : devices) {
        if (d.driverName == "llvmpipe")
            return &d;
    }
    return nullptr;
}

DeviceInfo fakeDevice(uint32_t index, const char* name, DeviceType type, bool usable, uint64_t memory = 1ull << 30)
{
    DeviceInfo d;
    d.index = index;
    d.name = name;
    d.type = type;
    d.usable = usable;
    d.deviceLocalBytes = memory;
    if (!usable)
        d.unusableReason = "no 16-bit storage buffer access";
    return d;
}

// Child mode "list": what listDevices() says, printed for the parent to inspect.
int childMain(const char* mode)
{
    if (std::string(mode) != "list")
        return 99;
    auto devices = listDevices();
    if (!devices) {
        std::printf("error %s: %s\n", errorCodeName(devices.error().code), devices.error().message.c_str());
        return 3;
    }
    std::printf("devices %zu\n", devices->size());
    return 0;
}

} // namespace

class TestVkDevices : public QObject {
    Q_OBJECT

private slots:
    void listsLavapipeWithEveryField()
    {
        auto devices = listDevices();
        QVERIFY2(devices.ok(), devices.ok() ? "" : devices.error().message.c_str());
        QVERIFY(!devices->empty());
        const DeviceInfo* lvp = findLavapipe(*devices);
        QVERIFY2(lvp, "lavapipe (mesa-vulkan-drivers) must be installed for the GPU tests");
        std::printf("lavapipe: %s, vendor %s, driver %s %s, Vulkan %s, subgroup %u, range %llu, shared %u\n",
                    lvp->name.c_str(), lvp->vendor.c_str(), lvp->driverName.c_str(), lvp->driverInfo.c_str(),
                    lvp->apiVersion.c_str(), lvp->subgroupSize, (unsigned long long)lvp->maxStorageBufferRange,
                    lvp->sharedMemoryBytes);
        QCOMPARE(lvp->type, DeviceType::Cpu);
        QCOMPARE(lvp->vendor, std::string("Mesa (lavapipe)"));
        QCOMPARE(lvp->vendorId, 0x10005u);
        QVERIFY(lvp->name.find("llvmpipe") != std::string::npos);
        QVERIFY(lvp->driverInfo.find("Mesa") != std::string::npos);
        QVERIFY(std::regex_match(lvp->apiVersion, std::regex(R"(1\.[2-9]\.\d+)")));
        // lavapipe's SIMD width is in its name ("256 bits"): one subgroup lane per 32-bit float.
        std::smatch bits;
        QVERIFY(std::regex_search(lvp->name, bits, std::regex(R"((\d+) bits)")));
        QCOMPARE(lvp->subgroupSize, uint32_t(std::stoul(bits[1].str()) / 32));
        QCOMPARE(lvp->maxStorageBufferRange, uint64_t(128) << 20);
        QCOMPARE(lvp->sharedMemoryBytes, 32768u);
        QVERIFY(lvp->deviceLocalBytes > (uint64_t(256) << 20));
        QVERIFY(lvp->maxMemoryAllocationSize >= (uint64_t(256) << 20));
        QVERIFY(lvp->maxWorkgroupInvocations >= 256);
        QVERIFY(lvp->fp16);
        QVERIFY(lvp->int8);
        QVERIFY(lvp->storage16bit);
        QVERIFY(lvp->storage8bit);
        QVERIFY(lvp->integerDotProduct);
        QVERIFY(!lvp->cooperativeMatrix);
        QVERIFY(lvp->timestampQueries);
        QVERIFY(lvp->usable);
        QVERIFY(lvp->unusableReason.empty());
        for (size_t i = 0; i < devices->size(); ++i)
            QCOMPARE((*devices)[i].index, uint32_t(i));
    }

    void defaultPrefersDiscreteThenIntegratedThenVirtualThenCpu()
    {
        std::vector<DeviceInfo> devices{fakeDevice(0, "llvmpipe", DeviceType::Cpu, true),
                                        fakeDevice(1, "Intel Iris", DeviceType::Integrated, true),
                                        fakeDevice(2, "Radeon RX", DeviceType::Discrete, false),
                                        fakeDevice(3, "virtio", DeviceType::Virtual, true)};
        QCOMPARE(defaultDeviceIndex(devices), std::optional<uint32_t>(1)); // the discrete one is unusable
        devices[2].usable = true;
        QCOMPARE(defaultDeviceIndex(devices), std::optional<uint32_t>(2));
        devices[1].usable = devices[2].usable = false;
        QCOMPARE(defaultDeviceIndex(devices), std::optional<uint32_t>(3));
        devices[3].usable = false;
        QCOMPARE(defaultDeviceIndex(devices), std::optional<uint32_t>(0));
        devices[0].usable = false;
        QCOMPARE(defaultDeviceIndex(devices), std::nullopt);
        QCOMPARE(defaultDeviceIndex({}), std::nullopt);
    }

    void userChoiceByIndexOrName()
    {
        std::vector<DeviceInfo> devices{fakeDevice(0, "llvmpipe (LLVM 15)", DeviceType::Cpu, true),
                                        fakeDevice(1, "NVIDIA GeForce RTX 3090", DeviceType::Discrete, true),
                                        fakeDevice(2, "NVIDIA GeForce GT 710", DeviceType::Discrete, false)};
        QCOMPARE(*selectDevice(devices, ""), 1u);
        QCOMPARE(*selectDevice(devices, "0"), 0u);
        QCOMPARE(*selectDevice(devices, "rtx"), 1u);
        QCOMPARE(*selectDevice(devices, "LLVMPIPE"), 0u);

        auto missing = selectDevice(devices, "7");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::InvalidArgument);
        auto ambiguous = selectDevice(devices, "nvidia");
        QVERIFY(!ambiguous.ok());
        QVERIFY(ambiguous.error().message.find("matches both") != std::string::npos);
        auto unusable = selectDevice(devices, "GT 710");
        QVERIFY(!unusable.ok());
        QCOMPARE(unusable.error().code, ErrorCode::Unsupported);
        QVERIFY(unusable.error().message.find("16-bit storage") != std::string::npos);
        auto noName = selectDevice(devices, "radeon");
        QVERIFY(!noName.ok());
        QVERIFY(!selectDevice(devices, "99999999999999999999").ok());
        QCOMPARE(selectDevice({}, "").error().code, ErrorCode::NoDevice);
    }

    void selectedLavapipeOpens()
    {
        auto devices = listDevices();
        QVERIFY(devices.ok());
        auto index = selectDevice(*devices, "llvmpipe");
        QVERIFY2(index.ok(), index.ok() ? "" : index.error().message.c_str());
        auto context = vk::Context::create(*index);
        QVERIFY2(context.ok(), context.ok() ? "" : context.error().message.c_str());
        QCOMPARE((*context)->info().name, (*devices)[*index].name);
        QVERIFY((*context)->device() != VK_NULL_HANDLE);
        auto bad = vk::Context::create(1000);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
    }

    void noDriverIsAClearErrorNotACrash()
    {
        // A child process with the loader pointed at a driver manifest that does not exist.
        auto child = gputest::runSelfAsChild("list", {"VK_ICD_FILENAMES=/nonexistent/icd.json",
                                                      "VK_DRIVER_FILES=/nonexistent/icd.json"});
        QVERIFY(child.started);
        std::printf("child said: %s", qPrintable(child.output));
        QVERIFY(!child.crashed);
        QCOMPARE(child.exitCode, 3);
        QVERIFY(child.output.contains(QString("error ") + errorCodeName(ErrorCode::NoDevice)));
        QVERIFY(child.output.contains("Vulkan"));
        // And the same binary with the real driver sees devices: the child mode itself works.
        auto normal = gputest::runSelfAsChild("list");
        QCOMPARE(normal.exitCode, 0);
        QVERIFY(normal.output.startsWith("devices "));
    }
};

AGORA_GPU_TEST_MAIN(TestVkDevices, childMain)
#include "test_vk_devices.moc"
