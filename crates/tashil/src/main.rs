fn main() -> std::process::ExitCode {
    tashil::memory::tune();
    tashil::cli::run()
}
