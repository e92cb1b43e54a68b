//! Unit tests of `src/io/attributed/`.

use super::*;
use crate::exchange::columns::Part;

#[test]
fn values_by_type() {
    assert_eq!(typed("integer", " 3 ", false), Ok(Value::from(3)));
    assert_eq!(typed("long", "-4", false), Ok(Value::from(-4)));
    assert_eq!(typed("double", "3", false), Ok(Value::from(3)));
    assert_eq!(typed("float", "0.25", false), Ok(Value::from(0.25)));
    assert_eq!(typed("boolean", "TRUE", false), Ok(Value::Bool(true)));
    assert_eq!(typed("string", "x", false), Ok(Value::from("x")));
    assert_eq!(
        typed("anyuri", "http://a", false),
        Ok(Value::from("http://a"))
    );
    assert!(typed("integer", "3.5", false).is_err());
    assert!(typed("boolean", "yes", false).is_err());
    assert_eq!(
        typed("string", r#"["a",1]"#, true),
        Ok(serde_json::json!(["a", 1]))
    );
}

#[test]
fn lists_as_arrays() {
    assert_eq!(
        typed("liststring", "[a, b c]", false),
        Ok(serde_json::json!(["a", "b c"]))
    );
    assert_eq!(
        typed("liststring", "a|b", false),
        Ok(serde_json::json!(["a", "b"]))
    );
    assert_eq!(
        typed("listinteger", "[1, 2]", false),
        Ok(serde_json::json!([1, 2]))
    );
    assert_eq!(
        typed("listdouble", "[0.5]", false),
        Ok(serde_json::json!([0.5]))
    );
    assert_eq!(
        typed("listboolean", "[true,false]", false),
        Ok(serde_json::json!([true, false]))
    );
    assert_eq!(typed("liststring", "[]", false), Ok(serde_json::json!([])));
    assert_eq!(
        typed("liststring", r#"["x", "y"]"#, false),
        Ok(serde_json::json!(["x", "y"]))
    );
    let e = typed("listinteger", "[1, x]", false).unwrap_err();
    assert!(e.contains("`x` is not an integer"), "{e}");
}

#[test]
fn node_roles_without_a_manifest() {
    assert_eq!(actors::node_role("Latitude", false), Role::Lat);
    assert_eq!(actors::node_role("lng", false), Role::Lon);
    assert_eq!(actors::node_role("label", false), Role::Name);
    assert_eq!(
        actors::node_role("label", true),
        Role::Attribute("label".into())
    );
    assert_eq!(
        actors::node_role("receptiveness_year", false),
        Role::Receptiveness(Part::Year)
    );
    assert_eq!(
        actors::node_role("GDP", false),
        Role::Attribute("GDP".into())
    );
}
