fn main() {
    closer::start();
}
