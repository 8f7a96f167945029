package cq.jianxi.platform.architecture;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tables (SQL) and entities (HQL) a query string names, split into reads and writes, so a test can
 * compare them with the context that owns each table.
 */
public final class TableReferences {

    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:update|insert\\s+into|delete\\s+from|merge\\s+into|truncate(?:\\s+table)?)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern READ = Pattern.compile("(?i)\\b(?:from|join)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    /** A further item of a comma-separated from list: ", Name alias" (HQL's old-style joins). */
    private static final Pattern LIST_ITEM = Pattern.compile(
            "\\G(?:\\s+(?:as\\s+)?[A-Za-z_][A-Za-z0-9_]*)?\\s*,\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CTE = Pattern.compile("(?i)\\b([a-z_][a-z0-9_]*)\\s+as\\s+(?:materialized\\s+)?\\(");

    /** Table name (lower case) or entity simple name, mapped to the context that owns it. */
    private final Map<String, String> owners;
    /** HQL entity simple names, matched case-sensitively because SQL identifiers here are lower case. */
    private final Map<String, String> entityOwners;

    public TableReferences(Map<String, String> tableOwners, Map<String, String> entityOwners) {
        this.owners = tableOwners;
        this.entityOwners = entityOwners;
    }

    /** A table or entity a string names, the context owning it, and whether the string writes it. */
    public record Reference(String name, String owner, boolean write) {
    }

    public Set<Reference> in(String query) {
        Set<String> ctes = new LinkedHashSet<>();
        Matcher cte = CTE.matcher(query);
        while (cte.find()) {
            ctes.add(cte.group(1).toLowerCase());
        }
        Set<Reference> found = new LinkedHashSet<>();
        Set<String> written = new LinkedHashSet<>();
        Matcher write = WRITE.matcher(query);
        while (write.find()) {
            Reference reference = resolve(write.group(1), true, ctes);
            if (reference != null) {
                found.add(reference);
                written.add(reference.name());
            }
        }
        Matcher read = READ.matcher(query);
        while (read.find()) {
            addRead(found, written, read.group(1), ctes);
            Matcher item = LIST_ITEM.matcher(query);
            int at = read.end();
            while (item.find(at) && item.start() == at) {
                addRead(found, written, item.group(1), ctes);
                at = item.end();
            }
        }
        return found;
    }

    private void addRead(Set<Reference> found, Set<String> written, String name, Set<String> ctes) {
        Reference reference = resolve(name, false, ctes);
        if (reference != null && !written.contains(reference.name())) {
            found.add(reference);
        }
    }

    private Reference resolve(String name, boolean write, Set<String> ctes) {
        String entityOwner = entityOwners.get(name);
        if (entityOwner != null) {
            return new Reference(name, entityOwner, write);
        }
        if (!name.equals(name.toLowerCase()) || ctes.contains(name)) {
            return null;
        }
        String owner = owners.get(name);
        return owner == null ? null : new Reference(name, owner, write);
    }
}
