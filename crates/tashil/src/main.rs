fn main() -> std::process::ExitCode {
    tashil::cli::run()
}
