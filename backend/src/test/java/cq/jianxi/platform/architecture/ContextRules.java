package cq.jianxi.platform.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The rules that keep each context's data behind its own repositories (ADR 0019), parameterised by the root
 * package so they can be shown to fail on a fixture in the test tree.
 */
public final class ContextRules {

    /** Types that talk to the database directly; java.sql value types (Date, Timestamp) are not among them. */
    private static final Set<String> JDBC_TYPES = Set.of("java.sql.Connection", "java.sql.Statement",
            "java.sql.PreparedStatement", "java.sql.CallableStatement", "java.sql.ResultSet", "java.sql.DriverManager",
            "javax.sql.DataSource");
    /** The reactive SQL client; its PostgreSQL pub/sub (LISTEN, for change events) names no table. */
    private static final List<String> SQL_CLIENT_PACKAGES = List.of("io.vertx.mutiny.sqlclient", "io.vertx.sqlclient");

    private ContextRules() {
    }

    /** Where raw data access belongs: a context's repository, or the report read model. */
    public static boolean mayAccessDataDirectly(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        return pkg.contains(".repository") || pkg.contains(".report.readmodel");
    }

    /** Each use of the SQL client, JDBC or a native query by {@code javaClass}. */
    public static List<String> rawDataAccess(JavaClass javaClass) {
        Stream<String> types = javaClass.getDirectDependenciesFromSelf().stream()
                .filter(d -> isRawDataType(d.getTargetClass()))
                .map(d -> d.getTargetClass().getName());
        Stream<String> nativeQueries = javaClass.getMethodCallsFromSelf().stream()
                .filter(call -> call.getName().equals("createNativeQuery"))
                .map(JavaMethodCall::getName);
        return Stream.concat(types, nativeQueries).distinct().sorted().toList();
    }

    private static boolean isRawDataType(JavaClass target) {
        JavaClass base = target.getBaseComponentType();
        String pkg = base.getPackageName();
        if (base.isAssignableTo(Throwable.class)) {
            return false; // mapping a driver's exception to a problem is not data access
        }
        return JDBC_TYPES.contains(base.getName())
                || SQL_CLIENT_PACKAGES.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
    }

    /** Each repository of another context under {@code root} that {@code javaClass} depends on. */
    public static Function<JavaClass, List<String>> foreignRepositories(String root) {
        return javaClass -> {
            String own = context(root, javaClass.getPackageName());
            if (own == null) {
                return List.of();
            }
            return javaClass.getDirectDependenciesFromSelf().stream()
                    .map(Dependency::getTargetClass)
                    .map(JavaClass::getBaseComponentType)
                    .filter(target -> {
                        String theirs = context(root, target.getPackageName());
                        return theirs != null && !theirs.equals(own)
                                && target.getPackageName().startsWith(root + "." + theirs + ".repository");
                    })
                    .map(JavaClass::getName).distinct().sorted().toList();
        };
    }

    /** The context segment right below {@code root}, or null outside it. */
    static String context(String root, String pkg) {
        if (!pkg.startsWith(root + ".")) {
            return null;
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The classes for which {@code offences} finds anything. */
    public static Set<String> offenders(JavaClasses classes, Function<JavaClass, List<String>> offences) {
        Set<String> names = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            if (!offences.apply(javaClass).isEmpty()) {
                names.add(javaClass.getName());
            }
        }
        return names;
    }

    /** An ArchUnit condition reporting every offence by class, for rules with a readable failure report. */
    public static ArchCondition<JavaClass> haveNo(String what, Function<JavaClass, List<String>> offences) {
        return new ArchCondition<>("have no " + what) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (String offence : offences.apply(javaClass)) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " uses " + offence));
                }
            }
        };
    }
}
