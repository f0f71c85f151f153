package org.gaitform.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page compression without Hadoop: Snappy (the format's common default, as Spark writes it) by aircompressor's
 * pure-Java implementation, and no compression. Parquet's own codec factory reaches compressed codecs through
 * Hadoop's codec classes, which gaitform does not ship.
 */
@SuppressWarnings("deprecation") // BytesInput.toByteArray: the pages are small, a copy is fine
public final class SnappyCodecs implements CompressionCodecFactory {
    /** The one instance (it holds no state). */
    public static final SnappyCodecs INSTANCE = new SnappyCodecs();

    private SnappyCodecs() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> new Compressor(codec, true);
            case UNCOMPRESSED -> new Compressor(codec, false);
            default -> throw new IllegalArgumentException("gaitform writes Parquet with Snappy or no compression, not "
                    + codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> new Decompressor(true);
            case UNCOMPRESSED -> new Decompressor(false);
            default -> throw new IllegalArgumentException("gaitform reads Parquet pages compressed with Snappy or not at "
                    + "all, not " + codec);
        };
    }

    @Override
    public void release() {
        // nothing pooled
    }

    private record Compressor(CompressionCodecName name, boolean snappy) implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            if (!snappy) {
                return bytes;
            }
            byte[] in = bytes.toByteArray();
            io.airlift.compress.snappy.SnappyCompressor c = new io.airlift.compress.snappy.SnappyCompressor();
            byte[] out = new byte[c.maxCompressedLength(in.length)];
            int n = c.compress(in, 0, in.length, out, 0, out.length);
            return BytesInput.from(out, 0, n);
        }

        @Override
        public CompressionCodecName getCodecName() {
            return name;
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }

    private record Decompressor(boolean snappy) implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (!snappy) {
                return bytes;
            }
            byte[] in = bytes.toByteArray();
            byte[] out = new byte[uncompressedSize];
            int n = new io.airlift.compress.snappy.SnappyDecompressor().decompress(in, 0, in.length, out, 0, out.length);
            if (n != uncompressedSize) {
                throw new IOException("a Snappy page decompressed to " + n + " bytes, not the " + uncompressedSize
                        + " its header states");
            }
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            BytesInput out = decompress(BytesInput.from(in), uncompressedSize);
            output.put(out.toByteArray());
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }
}
