package cq.jianxi.common.architecture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the tables a bounded context owns; other contexts reach them only through that context's services
 * (see docs/adr/0019-contexts-own-their-tables.md).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnsTables {

    /** Table names exactly as the Flyway migrations create them. */
    String[] value();
}
