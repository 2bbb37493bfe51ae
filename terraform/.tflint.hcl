# TFLint for every module and root under terraform/ (npm test runs it with
# --recursive). Only the bundled terraform ruleset: it needs no plugin download
# and no `init`. The google ruleset would check machine types and the like, but
# it is a separate plugin this setup does not install.
config {
  # Follow `source = "../modules/..."` calls without `init`, so values passed to
  # a module are checked against its variables.
  call_module_type = "local"
}

plugin "terraform" {
  enabled = true
  # Every rule of the ruleset: unused declarations, documented and typed
  # variables and outputs, required_version and required_providers in every
  # module, the standard file layout, snake_case names.
  preset = "all"
}
