package dev.vigil.analyzer.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of all the analyzer's RocksDB stores together: one block cache and
 * one write-buffer budget shared by every store of the process, as the Kafka Streams memory
 * management guide describes. Without it each store sizes its own memtables and cache, and
 * memory grows with the number of stores and partitions.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** Off-heap bytes for all stores: block cache, index and filter blocks, and memtables. */
    static final long TOTAL_OFF_HEAP_BYTES = 64L * 1024 * 1024;
    /** Of which memtables may use at most this much. */
    static final long TOTAL_MEMTABLE_BYTES = 32L * 1024 * 1024;
    /**
     * One store's memtable: full, it is flushed by its own store. Far below the shared budget, so
     * the memtables of a few dozen stores fit in it: a store whose write crosses the budget
     * flushes its memtable however small, and with Kafka Streams' default (16 MiB a store, the
     * whole budget then) RocksDB's threads cost as much CPU as the stream thread in the live
     * bench, and commits waited on their flushes (bench/RESULTS.md).
     */
    static final long STORE_MEMTABLE_BYTES = 1024 * 1024;
    private static final long BLOCK_SIZE = 8 * 1024;
    private static final int MAX_WRITE_BUFFERS = 2;

    // shared by every store of the process: that is what makes the bound a bound
    private static final Cache CACHE = new LRUCache(TOTAL_OFF_HEAP_BYTES, -1, false, 0.1);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(TOTAL_MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_SIZE);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(STORE_MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(MAX_WRITE_BUFFERS);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write-buffer manager are shared by all stores and live as long as the process
    }
}
