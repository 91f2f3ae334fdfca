package org.privacysite.internal.cache;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.privacysite.Finding;
import org.privacysite.internal.links.LinkChecker;

/**
 * The cache's record of one HTML file's link check: the hash of its {@linkplain LinkChecker.Face face},
 * its own findings, its hreflang findings, and its ids (for fragment links from pages checked later).
 */
final class LinkRecord {

    private LinkRecord() {
    }

    static java.nio.ByteBuffer write(LinkChecker.PageFindings found, List<Finding> alternates, PageCodec codec, StringTable strings) {
        CacheOutput out = new CacheOutput(strings);
        out.writeBytes(face(found.face()));
        codec.writeFindings(out, null, found.own());
        codec.writeFindings(out, null, alternates);
        Set<String> ids = found.face() == null ? Set.of() : found.face().ids();
        out.writeVar(ids.size());
        ids.forEach(out::writeText);
        return out.toRecord();
    }

    /** What other pages see of a page, hashed; the site's own record has none. */
    static byte[] face(LinkChecker.Face face) {
        if (face == null) {
            return new byte[0];
        }
        CacheOutput out = new CacheOutput();
        out.writeInt(face.ids().size());
        face.ids().forEach(out::writeString);
        out.writeString(face.canonical());
        out.writeInt(face.alternates().size());
        face.alternates().forEach(out::writeString);
        out.writeBoolean(face.xDefault());
        out.writeBoolean(face.noindex());
        out.writeString(face.headLocation());
        return Digests.sha256(out.toByteArray());
    }

    static byte[] faceOf(java.nio.ByteBuffer record) {
        return CacheInput.of(record).readBytes(); // the face is no text of the table
    }

    /** The own findings, then the hreflang findings. */
    static List<List<Finding>> readFindings(CacheInput in, PageCodec codec) {
        in.skipBytes(); // the face
        List<Finding> own = codec.readFindings(in, null);
        return List.of(own, codec.readFindings(in, null));
    }

    static void skipFindings(CacheInput in, PageCodec codec) {
        readFindings(in, codec);
    }

    static Set<String> readIds(CacheInput in) {
        Set<String> ids = new HashSet<>();
        for (int i = in.readVar(); i > 0; i--) {
            ids.add(in.readText());
        }
        return Set.copyOf(ids);
    }
}
