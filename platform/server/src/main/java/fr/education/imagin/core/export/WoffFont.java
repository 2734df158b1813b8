package fr.education.imagin.core.export;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Turns a WOFF 1.0 font (the format the DSFR ships Marianne in) back into the TrueType file it
 * wraps, which the PDF library can embed. WOFF is the sfnt tables, each zlib-compressed, behind
 * a directory (W3C WOFF 1.0, section 4-5): this rebuilds the sfnt header and directory and
 * inflates each table, 4-byte aligned, checksums as stored.
 */
final class WoffFont {

    private static final int WOFF_SIGNATURE = 0x774F4646; // "wOFF"
    private static final int WOFF_HEADER = 44;
    private static final int WOFF_ENTRY = 20;

    private WoffFont() {
    }

    static byte[] toTrueType(byte[] woff) {
        ByteBuffer in = ByteBuffer.wrap(woff);
        if (in.getInt(0) != WOFF_SIGNATURE) {
            throw new IllegalArgumentException("not a WOFF 1.0 font");
        }
        int flavor = in.getInt(4);
        int numTables = Short.toUnsignedInt(in.getShort(12));
        int totalSfntSize = in.getInt(16);

        ByteBuffer out = ByteBuffer.allocate(totalSfntSize + 4 * numTables);
        int entrySelector = 31 - Integer.numberOfLeadingZeros(numTables);
        int searchRange = (1 << entrySelector) * 16;
        out.putInt(flavor).putShort((short) numTables).putShort((short) searchRange)
                .putShort((short) entrySelector).putShort((short) (numTables * 16 - searchRange));

        int offset = 12 + 16 * numTables;
        for (int i = 0; i < numTables; i++) {
            int entry = WOFF_HEADER + i * WOFF_ENTRY;
            int tag = in.getInt(entry);
            int compOffset = in.getInt(entry + 4);
            int compLength = in.getInt(entry + 8);
            int origLength = in.getInt(entry + 12);
            int checksum = in.getInt(entry + 16);
            byte[] table = compLength == origLength
                    ? Arrays.copyOfRange(woff, compOffset, compOffset + compLength)
                    : inflate(woff, compOffset, compLength, origLength);
            out.putInt(12 + 16 * i, tag).putInt(12 + 16 * i + 4, checksum)
                    .putInt(12 + 16 * i + 8, offset).putInt(12 + 16 * i + 12, origLength);
            out.put(offset, table);
            offset += (origLength + 3) & ~3;
        }
        byte[] sfnt = new byte[offset];
        out.get(0, sfnt);
        return sfnt;
    }

    private static byte[] inflate(byte[] woff, int offset, int length, int originalLength) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(woff, offset, length);
            byte[] table = new byte[originalLength];
            int read = 0;
            while (read < originalLength && !inflater.finished()) {
                int n = inflater.inflate(table, read, originalLength - read);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                read += n;
            }
            if (read != originalLength) {
                throw new IllegalArgumentException("corrupt WOFF table: " + read + " of " + originalLength + " bytes");
            }
            return table;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt WOFF table", e);
        } finally {
            inflater.end();
        }
    }
}
