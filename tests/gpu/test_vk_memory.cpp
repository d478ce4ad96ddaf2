// The device-memory sub-allocator and transfers: many buffers share a block at aligned offsets,
// freed space is merged and reused, big buffers get their own memory, exhausting the budget is
// an OutOfDeviceMemory value that leaves the context usable, and uploads/downloads round-trip
// both directly (mapped memory) and through staging buffers.
#include "gpu_test_util.h"
#include "vk/buffer.h"

#include <QtTest>

using namespace agora;

namespace {
constexpr VkDeviceSize MiB = 1ull << 20;
int childMain(const char*) { return 99; }
} // namespace

class TestVkMemory : public QObject {
    Q_OBJECT

private slots:
    void subAllocatesAlignedFromFewBlocks()
    {
        vk::ContextOptions options;
        options.memory.blockBytes = 4 * MiB;
        auto context = gputest::openDevice(options);
        QVERIFY(context);
        QCOMPARE(context->allocator().blockBytes(), 4 * MiB);
        std::vector<vk::Buffer> buffers;
        for (int i = 0; i < 20; ++i) {
            auto b = vk::Buffer::create(context, 1000 + 37 * i, vk::MemoryUse::DeviceLocal);
            QVERIFY(b.ok());
            buffers.push_back(std::move(*b));
        }
        auto stats = context->allocator().stats();
        QCOMPARE(stats.blockCount, 1u); // 20 small buffers, one VkDeviceMemory
        QCOMPARE(stats.dedicatedCount, 0u);
        VkMemoryRequirements req{};
        vkGetBufferMemoryRequirements(context->device(), buffers[0].handle(), &req);
        for (size_t i = 0; i < buffers.size(); ++i) {
            const vk::Allocation& a = buffers[i].allocation();
            QCOMPARE(a.offset % req.alignment, VkDeviceSize(0));
            for (size_t j = 0; j < i; ++j) {
                const vk::Allocation& b = buffers[j].allocation();
                const bool disjoint = a.offset + a.size <= b.offset || b.offset + b.size <= a.offset;
                QVERIFY2(disjoint, "two live allocations overlap");
            }
        }
        // Free every other one, then a buffer the size of two freed neighbours fits into the block.
        const VkDeviceSize usedBefore = context->allocator().stats().usedBytes;
        for (size_t i = 1; i < buffers.size(); i += 2)
            buffers[i] = vk::Buffer();
        QVERIFY(context->allocator().stats().usedBytes < usedBefore);
        auto big = vk::Buffer::create(context, 3 * MiB, vk::MemoryUse::DeviceLocal); // > half a block
        QVERIFY(big.ok());
        QCOMPARE(context->allocator().stats().dedicatedCount, 1u);
        buffers.clear();
        *big = vk::Buffer();
        stats = context->allocator().stats();
        QCOMPARE(stats.usedBytes, VkDeviceSize(0));
        QCOMPARE(stats.reservedBytes, VkDeviceSize(0)); // empty blocks go back to the driver
    }

    void freedRangesMergeAndAreReused()
    {
        vk::ContextOptions options;
        options.memory.blockBytes = 4 * MiB;
        auto context = gputest::openDevice(options);
        QVERIFY(context);
        // Fill one block with four 1 MiB-ish buffers (each just under half a block).
        std::vector<vk::Buffer> buffers;
        for (int i = 0; i < 3; ++i)
            buffers.push_back(vk::Buffer::create(context, MiB, vk::MemoryUse::DeviceLocal).value());
        auto pin = vk::Buffer::create(context, 1024, vk::MemoryUse::DeviceLocal); // keeps the block alive
        QVERIFY(pin.ok());
        QCOMPARE(context->allocator().stats().blockCount, 1u);
        buffers[0] = vk::Buffer();
        buffers[1] = vk::Buffer();
        // 2 MiB needs the two freed neighbours merged into one range.
        auto merged = vk::Buffer::create(context, 2 * MiB - 4096, vk::MemoryUse::DeviceLocal);
        QVERIFY(merged.ok());
        QCOMPARE(context->allocator().stats().blockCount, 1u);
    }

    void outOfMemoryIsAValueAndRecoverable()
    {
        vk::ContextOptions options;
        options.memory.blockBytes = 4 * MiB;
        options.memory.budgetBytes = 16 * MiB;
        auto context = gputest::openDevice(options);
        QVERIFY(context);
        auto first = vk::Buffer::create(context, 10 * MiB, vk::MemoryUse::DeviceLocal);
        QVERIFY(first.ok());
        auto second = vk::Buffer::create(context, 10 * MiB, vk::MemoryUse::DeviceLocal);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, ErrorCode::OutOfDeviceMemory);
        std::printf("out-of-memory message: %s\n", second.error().message.c_str());
        QVERIFY(second.error().message.find("MiB") != std::string::npos);
        // Far beyond any heap: refused by the budget check, not by the driver.
        auto huge = vk::Buffer::create(context, VkDeviceSize(1) << 40, vk::MemoryUse::DeviceLocal);
        QVERIFY(!huge.ok());
        QCOMPARE(huge.error().code, ErrorCode::OutOfDeviceMemory);
        // Still usable: free the first, and the second now fits and works.
        *first = vk::Buffer();
        auto retry = vk::Buffer::create(context, 10 * MiB, vk::MemoryUse::DeviceLocal);
        QVERIFY(retry.ok());
        std::vector<float> data = gputest::randomFloats(1000, 5);
        std::vector<float> back(data.size());
        QVERIFY(vk::uploadFloats(*context, *retry, data).ok());
        QVERIFY(vk::downloadFloats(*context, *retry, back).ok());
        QCOMPARE(back, data);
    }

    void transfersRoundTrip_data()
    {
        QTest::addColumn<bool>("staging");
        QTest::addColumn<int>("bytes");
        QTest::newRow("mapped-small") << false << 4096;
        QTest::newRow("mapped-odd") << false << 12345;
        QTest::newRow("staging-small") << true << 4096;
        QTest::newRow("staging-odd") << true << 12345;
        QTest::newRow("staging-multi-chunk") << true << int(70 * MiB); // more than one 32 MiB chunk
    }

    void transfersRoundTrip()
    {
        QFETCH(bool, staging);
        QFETCH(int, bytes);
        vk::ContextOptions options;
        options.forceStagingTransfers = staging;
        auto context = gputest::openDevice(options);
        QVERIFY(context);
        auto buffer = vk::Buffer::create(context, VkDeviceSize(bytes) + 64, vk::MemoryUse::DeviceLocal);
        QVERIFY(buffer.ok());
        std::vector<std::byte> data(bytes);
        for (size_t i = 0; i < data.size(); ++i)
            data[i] = std::byte((i * 2654435761u) >> 24);
        uint64_t lastProgress = 0;
        auto up = vk::upload(*context, *buffer, 64, data, [&](uint64_t done, uint64_t total) {
            QVERIFY(done > lastProgress && done <= total);
            lastProgress = done;
        });
        QVERIFY2(up.ok(), up.ok() ? "" : up.error().message.c_str());
        QCOMPARE(lastProgress, uint64_t(bytes));
        std::vector<std::byte> back(bytes);
        QVERIFY(vk::download(*context, *buffer, 64, back).ok());
        QVERIFY(back == data);
        // Out of range is an error value.
        QCOMPARE(vk::download(*context, *buffer, 128, back).error().code, ErrorCode::InvalidArgument);
    }
};

AGORA_GPU_TEST_MAIN(TestVkMemory, childMain)
#include "test_vk_memory.moc"
